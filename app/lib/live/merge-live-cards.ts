import type { LiveCard } from "./live-card";

/** The card fields a live update may change; everything else (schedule, version...) stays the caller's. */
type CardText = Pick<LiveCard, "id" | "kind" | "front" | "back" | "context">;

/**
 * The study queue after a re-import: each queued card keeps its place and its progress fields and
 * takes the new texts of the card with the same id; cards that left the deck (retired) are dropped,
 * except those in `keep` (e.g. the card on screen, which the learner may be grading). Returns the
 * same array when nothing changed, so React can skip the render.
 */
export function mergeLiveCards<T extends CardText>(
  queue: readonly T[],
  live: readonly LiveCard[],
  keep: ReadonlySet<string> = new Set(),
): T[] {
  const byId = new Map(live.map((card) => [card.id, card]));
  let changed = false;
  const merged: T[] = [];
  for (const card of queue) {
    const fresh = byId.get(card.id);
    if (!fresh) {
      if (keep.has(card.id)) merged.push(card);
      else changed = true;
      continue;
    }
    const sameText =
      fresh.kind === card.kind &&
      fresh.front === card.front &&
      fresh.back === card.back &&
      fresh.context.join("\u0000") === card.context.join("\u0000");
    if (sameText) merged.push(card);
    else {
      changed = true;
      merged.push({
        ...card,
        kind: fresh.kind,
        front: fresh.front,
        back: fresh.back,
        context: fresh.context,
      });
    }
  }
  return changed ? merged : (queue as T[]);
}
