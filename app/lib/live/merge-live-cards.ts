import type { LiveCard } from "./live-card";

/** The card fields a live update may change; everything else (schedule, version...) stays the caller's. */
type CardText = Pick<LiveCard, "id" | "kind" | "front" | "back" | "context">;

export interface MergedCards<T> {
  /** The same array as given when nothing changed, so React can skip the render. */
  cards: T[];
  /** Ids of the cards whose text changed. */
  edited: string[];
}

/**
 * The study queue after a re-import: each queued card keeps its place and its progress fields and
 * takes the new texts of the card with the same id; cards that left the deck (retired) are dropped,
 * except those in `keep` (e.g. the card on screen, which the learner may be grading).
 */
export function mergeLiveCards<T extends CardText>(
  queue: readonly T[],
  live: readonly LiveCard[],
  keep: ReadonlySet<string> = new Set(),
): MergedCards<T> {
  const byId = new Map(live.map((card) => [card.id, card]));
  let dropped = false;
  const edited: string[] = [];
  const merged: T[] = [];
  for (const card of queue) {
    const fresh = byId.get(card.id);
    if (!fresh) {
      if (keep.has(card.id)) merged.push(card);
      else dropped = true;
      continue;
    }
    const sameText =
      fresh.kind === card.kind &&
      fresh.front === card.front &&
      fresh.back === card.back &&
      fresh.context.join("\u0000") === card.context.join("\u0000");
    if (sameText) merged.push(card);
    else {
      edited.push(card.id);
      merged.push({
        ...card,
        kind: fresh.kind,
        front: fresh.front,
        back: fresh.back,
        context: fresh.context,
      });
    }
  }
  return { cards: dropped || edited.length > 0 ? merged : (queue as T[]), edited };
}
