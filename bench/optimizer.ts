/**
 * `npm run bench:optimizer [-- --spread 0.4 --holdout 0.2]`: does training on a learner's own reviews
 * recover how they remember? Each simulated learner's recall follows known FSRS-6 parameters (the
 * defaults, each scaled by e^N(0, spread)); their cards are scheduled by the app's scheduler with the
 * default parameters (bench/support/simulate-learner.ts). The later `holdout` share of each history
 * (by time) is held back: parameters are trained on the earlier part with the binding, then the
 * held-back reviews are scored with the default, trained and true parameters (log loss, RMSE in bins,
 * app/lib/optimizer/evaluate.ts). It also prints the training time per 10,000 reviews and how far
 * trained and default parameters lie from the true ones (median relative difference over w0-w20).
 * Exits non-zero unless trained beats default on every learner with at least 1,000 reviews.
 */
import { parseArgs } from "node:util";
import { default_w } from "ts-fsrs";
import { z } from "zod";
import { evaluateParameters, predictRecall } from "@/app/lib/optimizer/evaluate";
import { buildCardHistories, countPredictedReviews, toTrainingItems } from "@/app/lib/optimizer/history";
import { packTrainingItems } from "@/app/lib/optimizer/encode";
import { trainParameters } from "@/app/lib/optimizer/train";
import { perturbedParameters, simulateLearner } from "./support/simulate-learner";

const argsSchema = z.object({
  spread: z.coerce.number().min(0).max(2).default(0.5),
  holdout: z.coerce.number().gt(0).lt(1).default(0.2),
  newPerDay: z.coerce.number().int().min(1).max(200).default(10),
});
const { values } = parseArgs({
  options: { spread: { type: "string" }, holdout: { type: "string" }, "new-per-day": { type: "string" } },
});
const { spread, holdout, newPerDay } = argsSchema.parse({ ...values, newPerDay: values["new-per-day"] });

const learners = [
  { seed: 101, reviews: 1_000 },
  { seed: 102, reviews: 1_500 },
  { seed: 103, reviews: 2_000 },
  { seed: 104, reviews: 3_000 },
  { seed: 105, reviews: 5_000 },
  { seed: 106, reviews: 8_000 },
  { seed: 107, reviews: 12_000 },
  { seed: 108, reviews: 20_000 },
];
const days = { dayStartHour: 4, timeZone: "UTC" };
const defaults = [...default_w];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const distance = (from: number[], truth: number[]) =>
  median(from.map((value, i) => Math.abs(value - truth[i]!) / Math.max(Math.abs(truth[i]!), 1e-3)));
const f4 = (value: number) => value.toFixed(4);
const pad = (value: string | number, width: number) => String(value).padStart(width);

console.log(
  `bench:optimizer: ${learners.length} simulated learners (${newPerDay} new cards a day), true parameters = defaults x e^N(0, ${spread}),`,
);
console.log(`the last ${holdout * 100}% of each history (by time) held back and scored.\n`);
console.log(
  [
    pad("reviews", 7),
    pad("grades", 6),
    pad("trained on", 10),
    pad("held back", 9),
    pad("train ms/10k", 12),
    pad("LL default", 10),
    pad("LL trained", 10),
    pad("LL true", 8),
    pad("xLL def", 7),
    pad("xLL trn", 7),
    pad("xLL true", 8),
    pad("RMSE def", 8),
    pad("RMSE trn", 8),
    pad("RMSE true", 9),
    pad("R gap trn", 9),
    pad("R gap def", 9),
    pad("dist trn", 8),
    pad("dist def", 8),
  ].join("  "),
);

let beaten = 0;
let beatenExpected = 0;
let counted = 0;
const perTenThousand: number[] = [];
for (const learner of learners) {
  const truth = perturbedParameters(learner.seed, spread);
  const reviews = simulateLearner({
    trueParameters: truth,
    reviews: learner.reviews,
    seed: learner.seed,
    newPerDay,
    countLongTerm: true,
  });
  const cut = reviews[Math.floor(reviews.length * (1 - holdout))]!.review;
  const histories = buildCardHistories(reviews, days);
  const trainingReviews = reviews.filter((review) => review.review < cut).length;

  const items = toTrainingItems(histories, cut);
  const started = performance.now();
  const trained = await trainParameters(packTrainingItems(histories, cut));
  const trainMs = performance.now() - started;
  const msPer10k = (trainMs / trainingReviews) * 10_000;
  perTenThousand.push(msPer10k);

  const score = (parameters: number[]) => evaluateParameters(histories, parameters, cut);
  const truePredictions = predictRecall(histories, truth, cut);
  // The expected log loss against the true recall probability: the same quantity without the coin
  // flips of the held-back outcomes, so a few hundred held-back reviews still rank parameters.
  const expectedLoss = (parameters: number[]) => {
    const predictions = predictRecall(histories, parameters, cut);
    let sum = 0;
    for (let i = 0; i < predictions.length; i++) {
      const { p } = predictions[i]!;
      const r = truePredictions[i]!.p;
      sum -= r * Math.log(p) + (1 - r) * Math.log(1 - p);
    }
    return sum / predictions.length;
  };
  const recallGap = (parameters: number[]) => {
    const predictions = predictRecall(histories, parameters, cut);
    let sum = 0;
    for (let i = 0; i < predictions.length; i++) sum += Math.abs(predictions[i]!.p - truePredictions[i]!.p);
    return sum / predictions.length;
  };
  const [byDefault, byTrained, byTruth] = [score(defaults), score(trained), score(truth)];
  const [xDefault, xTrained, xTruth] = [expectedLoss(defaults), expectedLoss(trained), expectedLoss(truth)];
  if (learner.reviews >= 1_000) {
    counted++;
    if (byTrained.logLoss < byDefault.logLoss) beaten++;
    if (xTrained < xDefault) beatenExpected++;
  }
  console.log(
    [
      pad(learner.reviews, 7),
      pad(reviews.length, 6),
      pad(items.length, 10),
      pad(countPredictedReviews(histories, cut), 9),
      pad(msPer10k.toFixed(0), 12),
      pad(f4(byDefault.logLoss), 10),
      pad(f4(byTrained.logLoss), 10),
      pad(f4(byTruth.logLoss), 8),
      pad(f4(xDefault), 7),
      pad(f4(xTrained), 7),
      pad(f4(xTruth), 8),
      pad(f4(byDefault.rmseBins), 8),
      pad(f4(byTrained.rmseBins), 8),
      pad(f4(byTruth.rmseBins), 9),
      pad(f4(recallGap(trained)), 9),
      pad(f4(recallGap(defaults)), 9),
      pad(f4(distance(trained, truth)), 8),
      pad(f4(distance(defaults, truth)), 8),
    ].join("  "),
  );
}

console.log(
  `\n"reviews" = reviews made on a later study day than the card's previous one, as the srs-benchmark counts a learner's reviews;` +
    ` "grades" = every grade, same-day learning steps included;` +
    ` "trained on" / "held back" = such reviews in the training and held-back parts;` +
    ` "train ms/10k" = training wall time (worker start included) per 10,000 grades of the training part (median ${median(perTenThousand).toFixed(0)} ms);` +
    ` "xLL" = expected log loss against the true recall probability;` +
    ` "R gap" = mean |R - R_true| of the predicted recall over the held-back reviews;` +
    ` "dist" = median |w - w_true| / |w_true| over the 21 parameters.`,
);
const ok = beaten === counted;
console.log(
  `Trained beat default on held-back log loss for ${beaten} of ${counted} learners with >= 1,000 reviews: ${ok ? "yes" : "NO"}.`,
);
console.log(
  `Trained beat default on held-back expected log loss for ${beatenExpected} of ${counted} learners with >= 1,000 reviews: ${beatenExpected === counted ? "yes" : "NO"}.`,
);
process.exitCode = ok ? 0 : 1;
