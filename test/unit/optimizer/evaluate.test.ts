import { describe, expect, it } from "vitest";
import { default_w, forgetting_curve } from "ts-fsrs";
import { FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { evaluateParameters } from "@/app/lib/optimizer/evaluate";
import { buildCardHistories, toTrainingItems } from "@/app/lib/optimizer/history";
import { decodeItems, encodeItems, packTrainingItems } from "@/app/lib/optimizer/encode";
import type { CardHistory } from "@/app/lib/optimizer/types";
import { perturbedParameters, simulateLearner } from "@/bench/support/simulate-learner";

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 10));
const defaults = [...default_w];

describe("evaluating parameters on a history", () => {
  it("scores one review by hand: log loss of the forgetting curve at the first stability", () => {
    // Good on day 0 gives stability w[2]; recalled 3 days later.
    const histories: CardHistory[] = [
      {
        cardId: "a",
        steps: [
          { rating: 3, deltaT: 0, review: day(0) },
          { rating: 3, deltaT: 3, review: day(3) },
        ],
      },
    ];
    const p = forgetting_curve(defaults, 3, defaults[2]!);
    const result = evaluateParameters(histories, defaults);
    expect(result.reviews).toBe(1);
    expect(result.logLoss).toBeCloseTo(-Math.log(p), 10);
    expect(result.rmseBins).toBeCloseTo(1 - p, 10);
  });

  it("scores a forgotten review as -ln(1 - p), and only reviews from `from` on", () => {
    const histories: CardHistory[] = [
      {
        cardId: "a",
        steps: [
          { rating: 3, deltaT: 0, review: day(0) },
          { rating: 3, deltaT: 3, review: day(3) },
          { rating: 1, deltaT: 9, review: day(12) },
        ],
      },
    ];
    const all = evaluateParameters(histories, defaults);
    const late = evaluateParameters(histories, defaults, day(10));
    expect(all.reviews).toBe(2);
    expect(late.reviews).toBe(1);
    expect(late.logLoss).toBeGreaterThan(0.5);
  });

  it("predicts each review as fsrs-rs does (the binding), same-day reviews included", () => {
    // The binding's own evaluate() weights recent items more (0.25 + 0.75 (i/n)^3), so items are
    // compared one at a time: 20 copies of one item make the weights irrelevant.
    const simulated = simulateLearner({ trueParameters: perturbedParameters(3), reviews: 2000, seed: 3 });
    const histories = buildCardHistories(simulated, { dayStartHour: 4, timeZone: "UTC" });
    const items = toTrainingItems(histories);
    const sample = items.filter((_, i) => i % Math.floor(items.length / 40) === 0);
    expect(sample.some((item) => item.slice(1).some((review) => review.deltaT === 0))).toBe(true);
    const parameters = perturbedParameters(11);
    const binding = new FSRSBinding(parameters);
    for (const item of sample) {
      let at = 0;
      const steps = item.map(({ rating, deltaT }) => ({ rating, deltaT, review: day((at += deltaT)) }));
      const ours = evaluateParameters([{ cardId: "x", steps }], parameters, day(at));
      const single = new FSRSBindingItem(
        item.map(({ rating, deltaT }) => new FSRSBindingReview(rating, deltaT)),
      );
      const theirs = binding.evaluate(Array.from({ length: 20 }, () => single));
      expect(ours.reviews).toBe(1);
      expect(ours.logLoss).toBeCloseTo(theirs.logLoss, 4);
    }
  });

  it("packs training items for the worker and unpacks them unchanged", () => {
    const items = [
      [
        { rating: 3 as const, deltaT: 0 },
        { rating: 1 as const, deltaT: 2 },
      ],
      [{ rating: 4 as const, deltaT: 0 }],
    ];
    expect(Array.from(encodeItems(items))).toEqual([2, 3, 0, 1, 2, 1, 4, 0]);
    expect(decodeItems(encodeItems(items))).toEqual(items);
  });

  it("packs a history's training items directly as encodeItems(toTrainingItems(...)) would", () => {
    const simulated = simulateLearner({ trueParameters: defaults, reviews: 800, seed: 8 });
    const histories = buildCardHistories(simulated, { dayStartHour: 4, timeZone: "UTC" });
    const cut = simulated[600]!.review;
    expect(packTrainingItems(histories)).toEqual(encodeItems(toTrainingItems(histories)));
    expect(packTrainingItems(histories, cut)).toEqual(encodeItems(toTrainingItems(histories, cut)));
  });
});
