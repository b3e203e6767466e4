import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { chooseParameters, minimumTrainingReviews, notEnoughReviews } from "@/app/lib/optimizer/decide";
import { evaluateParameters } from "@/app/lib/optimizer/evaluate";
import type { CardHistory, Rating } from "@/app/lib/optimizer/types";

const defaults = [...default_w];
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 10));

/** 200 cards learnt with Good, then all recalled 30 days later: defaults predict this well. */
function crafted(outcome: Rating): CardHistory[] {
  return Array.from({ length: 200 }, (_, i) => ({
    cardId: `c${i}`,
    steps: [
      { rating: 3 as Rating, deltaT: 0, review: day(0) },
      { rating: outcome, deltaT: 30, review: day(30) },
    ],
  }));
}

describe("minimum history", () => {
  it("says how many reviews are needed and how many are missing", () => {
    expect(notEnoughReviews(minimumTrainingReviews)).toBeNull();
    expect(notEnoughReviews(150)).toBe(
      "Optimizing needs at least 400 reviews of cards seen on an earlier day; you have 150. About 250 more will do.",
    );
  });
});

describe("keep-old rule", () => {
  it("keeps the current parameters when the trained ones predict the history worse", () => {
    const histories = crafted(3);
    // "Trained" parameters whose first stability after Good is tiny: they predict forgetting.
    const worse = [...defaults];
    worse[2] = 0.1;
    const before = evaluateParameters(histories, defaults);
    const after = evaluateParameters(histories, worse);
    expect(after.logLoss).toBeGreaterThan(before.logLoss);
    const choice = chooseParameters(defaults, worse, before, after);
    expect(choice.kept).toBe(true);
    expect(choice.parameters).toBe(defaults);
    expect(choice.reason).toMatch(/predict your reviews no better \(log loss \d\.\d{4} against \d\.\d{4}\)/);
  });

  it("takes the trained parameters when they predict the history better", () => {
    const histories = crafted(3);
    const better = [...defaults];
    better[2] = 300; // recall after 30 days is near certain, as in the history
    const before = evaluateParameters(histories, defaults);
    const after = evaluateParameters(histories, better);
    const choice = chooseParameters(defaults, better, before, after);
    expect(choice).toEqual({ parameters: better, kept: false, reason: null });
  });

  it("keeps the current parameters when training gave something unusable", () => {
    const histories = crafted(1);
    const before = evaluateParameters(histories, defaults);
    const broken = [...defaults];
    broken[5] = Number.NaN;
    const choice = chooseParameters(defaults, broken, before, { ...before, logLoss: Number.NaN });
    expect(choice.kept).toBe(true);
  });
});
