import { describe, expect, it } from "vitest";
import { planCards, type CardFields, type ExistingCard } from "@/app/lib/import/card-diff";

function fields(key: string, overrides: Partial<CardFields> = {}): CardFields {
  return {
    key,
    kind: "basic",
    front: key,
    back: `${key} answer`,
    context: "[]",
    line: 1,
    position: 0,
    ...overrides,
  };
}

function stored(id: string, key: string, overrides: Partial<ExistingCard> = {}): ExistingCard {
  return { id, retiredAt: null, ...fields(key), ...overrides };
}

describe("planCards", () => {
  it("creates new keys, updates changed ones, retires missing ones and leaves the rest", () => {
    const plan = planCards(
      [fields("a"), fields("b", { back: "edited" }), fields("d")],
      [stored("1", "a"), stored("2", "b"), stored("3", "c")],
    );
    expect(plan.create.map((card) => card.key)).toEqual(["d"]);
    expect(plan.update).toEqual([{ id: "2", fields: fields("b", { back: "edited" }) }]);
    expect(plan.retire).toEqual(["3"]);
    expect(plan.unchanged).toBe(1);
  });

  it.each<[string, Partial<CardFields>]>([
    ["kind", { kind: "cloze" }],
    ["front", { front: "A?" }],
    ["context", { context: '["Heading"]' }],
    ["line", { line: 7 }],
    ["position", { position: 3 }],
  ])("updates a card whose %s changed", (_field, change) => {
    const plan = planCards([fields("a", change)], [stored("1", "a")]);
    expect(plan.update.map((update) => update.id)).toEqual(["1"]);
    expect(plan.unchanged).toBe(0);
  });

  it("brings a retired card back under its old id, even when nothing else changed", () => {
    const plan = planCards([fields("a")], [stored("1", "a", { retiredAt: new Date("2026-01-01") })]);
    expect(plan.update).toEqual([{ id: "1", fields: fields("a") }]);
    expect(plan.create).toEqual([]);
  });

  it("does not retire a card twice", () => {
    const plan = planCards([fields("a")], [stored("1", "a"), stored("2", "gone", { retiredAt: new Date() })]);
    expect(plan.retire).toEqual([]);
  });
});
