import { describe, expect, it } from "vitest";
import type { LiveCard } from "@/app/lib/live/live-card";
import { mergeLiveCards } from "@/app/lib/live/merge-live-cards";

const live = (id: string, back: string): LiveCard => ({
  id,
  kind: "basic",
  front: `Question ${id}?`,
  back,
  context: ["Cells"],
  line: 1,
  position: 0,
});
const queued = (id: string, back: string) => ({ ...live(id, back), version: 3, schedule: { reps: 2 } });

describe("mergeLiveCards", () => {
  it("updates texts in place, keeps each card's progress fields and order, and names the edited cards", () => {
    const queue = [queued("b", "old b"), queued("a", "old a")];
    const { cards, edited } = mergeLiveCards(queue, [live("a", "new a"), live("b", "old b")]);
    expect(cards.map((card) => [card.id, card.back, card.version, card.schedule])).toEqual([
      ["b", "old b", 3, { reps: 2 }],
      ["a", "new a", 3, { reps: 2 }],
    ]);
    expect(edited).toEqual(["a"]);
  });

  it("drops retired cards unless asked to keep them", () => {
    const queue = [queued("a", "a"), queued("b", "b"), queued("c", "c")];
    expect(mergeLiveCards(queue, [live("b", "b")]).cards.map((card) => card.id)).toEqual(["b"]);
    expect(mergeLiveCards(queue, [live("b", "b")], new Set(["a"])).cards.map((card) => card.id)).toEqual([
      "a",
      "b",
    ]);
  });

  it("returns the same array when nothing changed, new cards in the file included", () => {
    const queue = [queued("a", "a")];
    const merged = mergeLiveCards(queue, [live("a", "a"), live("z", "new card")]);
    expect(merged.cards).toBe(queue);
    expect(merged.edited).toEqual([]);
  });
});
