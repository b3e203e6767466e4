import { describe, expect, it } from "vitest";
import { pickNext } from "@/app/lib/study/queue";
import type { StudyCard } from "@/app/lib/study/types";

const now = new Date("2026-03-10T12:00:00.000Z");
const dayEnd = new Date("2026-03-11T00:00:00.000Z");

const card = (id: string, deck: string, line: number, position: number): StudyCard => ({
  id,
  kind: "basic",
  front: id,
  back: id,
  context: [],
  line,
  position,
  schedule: null,
  version: 0,
  deck: { slug: deck, title: deck },
});

describe("a queue over several decks (Study all)", () => {
  it("does not take cards of other decks on the same line for siblings of the card just shown", () => {
    const shown = card("a1", "alpha", 1, 0);
    const cards = [shown, card("b1", "beta", 1, 0), card("a2", "alpha", 2, 1)];
    const next = pickNext(cards, { now, dayEnd, newRemaining: 10, previous: shown });
    expect(next?.card.id).toBe("b1");
  });

  it("still skips a sibling from the same deck", () => {
    const shown = card("a1", "alpha", 1, 0);
    const cards = [shown, { ...card("a1r", "alpha", 1, 0) }, card("b2", "beta", 2, 1)];
    const next = pickNext(cards, { now, dayEnd, newRemaining: 10, previous: shown });
    expect(next?.card.id).toBe("b2");
  });
});
