import { describe, expect, it } from "vitest";
import { dropCardChangedElsewhere } from "@/app/lib/live/card-changed-elsewhere";

const queue = [
  { id: "a", version: 0 },
  { id: "b", version: 2 },
  { id: "c", version: 0 },
];

describe("a card graded elsewhere", () => {
  it("leaves this page's queue when the server's version moved past this page's", () => {
    expect(
      dropCardChangedElsewhere(queue, { cardId: "b", version: 3 }, new Set()).map((card) => card.id),
    ).toEqual(["a", "c"]);
  });

  it("stays when it is this page's own grade (same version), the card on screen, or one this page may undo", () => {
    expect(dropCardChangedElsewhere(queue, { cardId: "b", version: 2 }, new Set())).toBe(queue);
    expect(dropCardChangedElsewhere(queue, { cardId: "a", version: 1 }, new Set(["a"]))).toBe(queue);
    expect(dropCardChangedElsewhere(queue, { cardId: "zzz", version: 9 }, new Set())).toBe(queue);
  });
});
