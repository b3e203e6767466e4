import { describe, expect, it } from "vitest";
import { default_w, forgetting_curve } from "ts-fsrs";
import { memoryDistributions, retrievability } from "@/app/lib/stats";

const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("retrievability", () => {
  it("is 90% when as many days have passed as the card's stability (FSRS's definition)", () => {
    expect(retrievability({ stability: 10, lastReview: daysAgo(10) }, now, null)).toBeCloseTo(0.9, 6);
  });

  it("uses the learner's parameters: a steeper decay forgets faster past the stability", () => {
    const trained = [...default_w];
    trained[20] = 0.8;
    const withTrained = retrievability({ stability: 10, lastReview: daysAgo(40) }, now, trained)!;
    expect(withTrained).toBeCloseTo(forgetting_curve(trained, 40, 10), 9);
    expect(withTrained).not.toBeCloseTo(
      retrievability({ stability: 10, lastReview: daysAgo(40) }, now, null)!,
      3,
    );
  });

  it("is unknown without a last review", () => {
    expect(retrievability({ stability: 3, lastReview: null }, now, null)).toBeNull();
  });
});

describe("memoryDistributions", () => {
  it("bins stability in days, difficulty in whole steps and recall in tenths", () => {
    const result = memoryDistributions(
      [
        { stability: 0.5, difficulty: 1, lastReview: daysAgo(0) },
        { stability: 5, difficulty: 4.2, lastReview: daysAgo(5) },
        { stability: 400, difficulty: 10, lastReview: daysAgo(1) },
      ],
      now,
      null,
    );
    expect(result.cards).toBe(3);
    expect(result.stability.find((bin) => bin.label === "< 1 d")?.count).toBe(1);
    expect(result.stability.find((bin) => bin.label === "3–7 d")?.count).toBe(1);
    expect(result.stability.find((bin) => bin.label === "≥ 365 d")?.count).toBe(1);
    expect(result.difficulty.map((bin) => bin.count)).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1]);
    // Recall: 100% (just reviewed), 90% (elapsed = stability, the boundary goes up), ~100% (1 day of 400).
    expect(result.retrievability.map((bin) => bin.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(result.meanRetrievability).toBeGreaterThan(0.9);
  });

  it("has no mean for no cards", () => {
    expect(memoryDistributions([], now, null).meanRetrievability).toBeNull();
  });
});
