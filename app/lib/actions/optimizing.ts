/**
 * Optimizing a learner's FSRS parameters: read the review log, convert it, score the current
 * parameters, train new ones in a worker thread, score them, and store them only when they predict
 * the learner's own reviews better. The Prisma client is passed in so tests run it on real databases.
 */
import type { Db } from "@/app/lib/database/client";
import { getOptimizerSettings, getReviewEvents } from "@/app/lib/data/review-history";
import { buildCardHistories, countPredictedReviews } from "@/app/lib/optimizer/history";
import { packTrainingItems } from "@/app/lib/optimizer/encode";
import {
  predictRecall,
  summarizePredictions,
  type Evaluation,
  type Prediction,
} from "@/app/lib/optimizer/evaluate";
import { chooseParameters, notEnoughReviews } from "@/app/lib/optimizer/decide";
import { trainParameters, type TrainingProgress } from "@/app/lib/optimizer/train";
import type { CardHistory, Parameters, ReviewEvent } from "@/app/lib/optimizer/types";
import { ensureUser } from "./grading";

export type OptimizeResult =
  | { status: "too-few"; message: string; reviews: number }
  | {
      status: "done";
      /** Reviews scored and trained on (made on a later study day than the card's previous review). */
      reviews: number;
      cards: number;
      before: Evaluation;
      after: Evaluation;
      kept: boolean;
      reason: string | null;
      /** The parameters in use from now on. */
      parameters: Parameters;
      previous: Parameters;
      trained: Parameters;
    };

export interface OptimizeOptions {
  /** Whose reviews train, and whose parameters are stored: from the viewer in the app. */
  userId: string;
  onProgress?: (progress: TrainingProgress) => void;
}

// The conversion and scoring run on the server's thread (training runs in a worker): on 100,000
// reviews each took 0.8-0.9 s in one piece, so they go a slice of cards at a time, letting requests
// (such as the status polls) through in between.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
const sliceReviews = 2_000;

async function inSlices<T, R>(
  items: readonly T[],
  size: (item: T) => number,
  run: (slice: T[]) => R[],
): Promise<R[]> {
  const out: R[] = [];
  let slice: T[] = [];
  let weight = 0;
  for (const item of items) {
    slice.push(item);
    weight += size(item);
    if (weight >= sliceReviews) {
      out.push(...run(slice));
      slice = [];
      weight = 0;
      await breathe();
    }
  }
  out.push(...run(slice));
  return out;
}

function byCard(events: readonly ReviewEvent[]): ReviewEvent[][] {
  const cards = new Map<string, ReviewEvent[]>();
  for (const event of events) {
    const list = cards.get(event.cardId);
    if (list) list.push(event);
    else cards.set(event.cardId, [event]);
  }
  return [...cards.values()];
}

const score = async (histories: readonly CardHistory[], parameters: Parameters): Promise<Evaluation> =>
  summarizePredictions(
    await inSlices<CardHistory, Prediction>(
      histories,
      (h) => h.steps.length,
      (slice) => predictRecall(slice, parameters),
    ),
  );

/** Trains the learner's parameters and stores them if they are better; see OptimizeResult. */
export async function optimizeParametersWith(prisma: Db, options: OptimizeOptions): Promise<OptimizeResult> {
  const { userId } = options;
  const [settings, events] = await Promise.all([
    getOptimizerSettings(prisma, userId),
    getReviewEvents(prisma, userId),
  ]);
  const histories = await inSlices(
    byCard(events),
    (card) => card.length,
    (slice) => buildCardHistories(slice.flat(), settings),
  );
  const reviews = countPredictedReviews(histories);
  const tooFew = notEnoughReviews(reviews);
  if (tooFew) return { status: "too-few", message: tooFew, reviews };

  const before = await score(histories, settings.parameters);
  await breathe();
  const trained = await trainParameters(packTrainingItems(histories), options.onProgress);
  const after = await score(histories, trained);
  const choice = chooseParameters(settings.parameters, trained, before, after);

  if (!choice.kept) {
    const fsrsParameters = JSON.stringify(choice.parameters);
    await ensureUser(prisma, userId);
    await prisma.learnerSettings.upsert({
      where: { userId },
      update: { fsrsParameters },
      create: { userId, fsrsParameters },
    });
  }
  return {
    status: "done",
    reviews,
    cards: histories.length,
    before,
    after,
    kept: choice.kept,
    reason: choice.reason,
    parameters: choice.parameters,
    previous: settings.parameters,
    trained,
  };
}
