/**
 * micromark (4.0.3) closes each list and block quote by moving its exit events with an `EditMap`, and
 * `EditMap#consume` (micromark-util-edit-map 1.0.0, the only release) copies the document's whole
 * event array to apply an edit near its end. A note of N separate lists therefore parsed in O(N²):
 * 4,000 two-item lists took 7 s, 16,000 would take minutes. This `consume` applies the same edits in
 * the same order but leaves the events before the first edit where they are, so each edit costs what
 * it moves. Installed once, on the class micromark itself imports (one copy in the lockfile).
 */
import { EditMap } from "micromark-util-edit-map";

type Events = Parameters<EditMap["consume"]>[0];

function consumeLeavingPrefix(this: EditMap, events: Events): undefined {
  if (this.map.length === 0) return;
  this.map.sort((a, b) => a[0] - b[0]);
  // From the last edit back: keep what follows it, then what it adds; cut the array to its start.
  const pieces: Events[] = [];
  for (let index = this.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = this.map[index]!;
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  // The untouched prefix stays; the pieces go back on in document order.
  for (let index = pieces.length - 1; index >= 0; index--)
    for (const event of pieces[index]!) events.push(event);
  this.map.length = 0;
  this.index.clear();
}

/** The library's own `consume`, for the test that compares the two. */
export const libraryConsume = EditMap.prototype.consume;

EditMap.prototype.consume = consumeLeavingPrefix;

export { consumeLeavingPrefix };
