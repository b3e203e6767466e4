import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { EditMap } from "micromark-util-edit-map";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterEach, describe, expect, it } from "vitest";
import { consumeLeavingPrefix, libraryConsume } from "@/app/lib/cards/linear-edit-map";

// The parser replaces micromark's EditMap#consume (quadratic over a note of many lists) with one
// that leaves the events before the first edit in place; these check it edits exactly as the
// library's does.

type Events = Parameters<EditMap["consume"]>[0];

afterEach(() => {
  EditMap.prototype.consume = consumeLeavingPrefix;
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

function applied(consume: typeof libraryConsume, events: Events, edits: [number, number, Events, boolean][]) {
  const map = new EditMap();
  for (const [at, remove, add, before] of edits) {
    if (before) map.addBefore(at, remove, [...add]);
    else map.add(at, remove, [...add]);
  }
  const copy = [...events];
  consume.call(map, copy);
  return copy;
}

describe("micromark's edit map, applied without copying the untouched events", () => {
  it("is installed on the class micromark uses", () => {
    expect(EditMap.prototype.consume).toBe(consumeLeavingPrefix);
    expect(libraryConsume).not.toBe(consumeLeavingPrefix);
  });

  it("gives the library's result for 500 random sets of edits (adds, removals, several at one place)", () => {
    const next = random(7);
    const event = (n: number) => ["enter", { type: `t${n}` }, {}] as unknown as Events[number];
    for (let round = 0; round < 500; round++) {
      const events = Array.from({ length: next(40) }, (_, n) => event(n));
      const edits = Array.from({ length: 1 + next(6) }, () => {
        const at = next(events.length + 1);
        const add = Array.from({ length: next(3) }, () => event(1000 + next(100)));
        return [at, next(Math.max(1, Math.min(3, events.length - at + 1))), add, next(2) === 1] as [
          number,
          number,
          Events,
          boolean,
        ];
      });
      expect(applied(consumeLeavingPrefix, events, edits)).toEqual(applied(libraryConsume, events, edits));
    }
  });

  it("gives remark's own tree for the seed notes and every layout fixture", () => {
    const remark = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
    const layouts = path.resolve(import.meta.dirname, "../../fixtures/layouts");
    const notes = [
      readFileSync(path.resolve(import.meta.dirname, "../../../content/socket-io.md"), "utf8"),
      ...readdirSync(layouts)
        .filter((name) => name.endsWith(".md"))
        .map((name) => readFileSync(path.join(layouts, name), "utf8")),
    ];
    for (const markdown of notes) {
      EditMap.prototype.consume = libraryConsume;
      const expected = remark.parse(markdown);
      EditMap.prototype.consume = consumeLeavingPrefix;
      expect(remark.parse(markdown)).toEqual(expected);
    }
  });
});
