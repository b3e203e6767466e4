/**
 * How well a set of FSRS parameters predicts a learner's own reviews. Each card's reviews are
 * replayed through FSRS-6's memory model (ts-fsrs's `next_state`, short-term stability on), and
 * before each review made on a later study day the predicted probability of recall is scored
 * against what happened (Again = forgotten, Hard/Good/Easy = recalled):
 *
 * - log loss: the mean of -(y ln p + (1 - y) ln(1 - p)); lower is better. The srs-benchmark's
 *   figures are this number (FSRS-6 trained 0.3214, defaults 0.3393 over ~10,000 learners).
 * - RMSE (bins): reviews are binned as fsrs-rs and the srs-benchmark bin them (by interval, number
 *   of earlier long-term reviews and lapses); per bin the mean prediction is compared with the
 *   mean outcome, and the squared gaps are averaged, weighted by bin size, then square-rooted.
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from "ts-fsrs";
import type { CardHistory, Parameters } from "./types";

export interface Evaluation {
  logLoss: number;
  rmseBins: number;
  /** How many reviews were scored. */
  reviews: number;
}

const epsilon = 1e-7;

function binOf(deltaT: number, longTermBefore: number, lapses: number): string {
  const deltaBin = Math.round(2.48 * 3.62 ** Math.floor(Math.log(deltaT) / Math.log(3.62)) * 100);
  const length = longTermBefore + 2;
  const lengthBin = Math.round(1.99 * 1.89 ** Math.floor(Math.log(length) / Math.log(1.89)));
  const lapseBin =
    lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
  return `${deltaBin}/${lengthBin}/${lapseBin}`;
}

/** An FSRS-6 memory model with the given 21 parameters. */
export function memoryModel(parameters: Parameters): FSRSAlgorithm {
  return new FSRSAlgorithm(generatorParameters({ w: parameters, enable_short_term: true }));
}

/** One scored review: the predicted probability of recall, and whether the card was recalled. */
export interface Prediction {
  p: number;
  recalled: boolean;
  bin: string;
}

/**
 * The predicted recall of each review made on a later study day than the card's previous one;
 * `from` keeps only reviews made at or after it (the earlier ones still build the memory state).
 */
export function predictRecall(
  histories: readonly CardHistory[],
  parameters: Parameters,
  from?: Date,
): Prediction[] {
  const model = memoryModel(parameters);
  const predictions: Prediction[] = [];
  for (const { steps } of histories) {
    let state: FSRSState | null = null;
    let longTerm = 0;
    let lapses = 0;
    for (let i = 0; i < steps.length; i++) {
      const { rating, deltaT, review } = steps[i]!;
      if (state && deltaT > 0 && (!from || review >= from)) {
        const p = Math.min(1 - epsilon, Math.max(epsilon, model.forgetting_curve(deltaT, state.stability)));
        predictions.push({ p, recalled: rating > 1, bin: binOf(deltaT, longTerm, lapses) });
      }
      state = model.next_state(state, deltaT, rating);
      if (i > 0 && deltaT > 0) {
        longTerm++;
        if (rating === 1) lapses++;
      }
    }
  }
  return predictions;
}

/**
 * Scores `parameters` on the histories; `from` scores only reviews made at or after it, which is how
 * a held-back part of a history is tested.
 * @example evaluateParameters(histories, [...default_w]).logLoss // e.g. 0.34
 */
export function evaluateParameters(
  histories: readonly CardHistory[],
  parameters: Parameters,
  from?: Date,
): Evaluation {
  return summarizePredictions(predictRecall(histories, parameters, from));
}

/** Log loss and binned RMSE of predictions (which may come from several calls of predictRecall). */
export function summarizePredictions(predictions: readonly Prediction[]): Evaluation {
  const bins = new Map<string, { predicted: number; actual: number; count: number }>();
  let loss = 0;
  for (const { p, recalled, bin: key } of predictions) {
    const y = recalled ? 1 : 0;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    const bin = bins.get(key) ?? { predicted: 0, actual: 0, count: 0 };
    bin.predicted += p;
    bin.actual += y;
    bin.count++;
    bins.set(key, bin);
  }
  const count = predictions.length;
  let squared = 0;
  for (const bin of bins.values())
    squared += (bin.predicted / bin.count - bin.actual / bin.count) ** 2 * bin.count;
  return {
    logLoss: count ? loss / count : Number.NaN,
    rmseBins: count ? Math.sqrt(squared / count) : Number.NaN,
    reviews: count,
  };
}
