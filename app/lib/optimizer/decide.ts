/**
 * When to train and whether to keep what training gives.
 *
 * Minimum: 400 reviews that FSRS can learn from (made on a later study day than the card's previous
 * review). Anki asks for the same 400 before it trusts its optimizer. With fewer, fsrs-rs itself
 * falls back: under 64 such reviews it only fits the four initial stabilities, under 8 it returns
 * the defaults, so training would mostly give back what the learner has.
 *
 * Keep-old rule: the new parameters replace the current ones only when their log loss on the
 * learner's own history is lower. Anki compares RMSE; log loss is the quantity training minimises
 * and the one the srs-benchmark ranks by, so a learner is never moved to parameters that predict
 * their own reviews worse.
 */
import type { Evaluation } from "./evaluate";
import type { Parameters } from "./types";

export const minimumTrainingReviews = 400;

/** Why training cannot start yet, in words for the learner, or null when it can. */
export function notEnoughReviews(predictedReviews: number): string | null {
  if (predictedReviews >= minimumTrainingReviews) return null;
  const missing = minimumTrainingReviews - predictedReviews;
  return (
    `Optimizing needs at least ${minimumTrainingReviews} reviews of cards seen on an earlier day; ` +
    `you have ${predictedReviews}. About ${missing} more will do.`
  );
}

export interface Choice {
  parameters: Parameters;
  kept: boolean;
  /** Why the previous parameters were kept, or null when the new ones were taken. */
  reason: string | null;
}

/** The trained parameters if they score better than the current ones, else the current ones. */
export function chooseParameters(
  current: Parameters,
  trained: Parameters,
  before: Evaluation,
  after: Evaluation,
): Choice {
  if (!trained.every(Number.isFinite) || !Number.isFinite(after.logLoss)) {
    return { parameters: current, kept: true, reason: "training did not give usable parameters." };
  }
  if (after.logLoss < before.logLoss) return { parameters: trained, kept: false, reason: null };
  return {
    parameters: current,
    kept: true,
    reason:
      `the new ones predict your reviews no better (log loss ${after.logLoss.toFixed(4)} ` +
      `against ${before.logLoss.toFixed(4)}).`,
  };
}
