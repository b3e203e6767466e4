/**
 * Optimizing a learner's FSRS parameters: read the review log, convert it, score the current
 * parameters, train new ones in a worker thread, score them, and store them only when they predict
 * the learner's own reviews better. The Prisma client is passed in so tests run it on real databases.
 */
import type { Db } from "@/app/lib/database/client";
import { getOptimizerSettings, getReviewEvents } from "@/app/lib/data/review-history";
import { buildCardHistories, countPredictedReviews, toTrainingItems } from "@/app/lib/optimizer/history";
import { evaluateParameters, type Evaluation } from "@/app/lib/optimizer/evaluate";
import { chooseParameters, notEnoughReviews } from "@/app/lib/optimizer/decide";
import { trainParameters, type TrainingProgress } from "@/app/lib/optimizer/train";
import type { Parameters } from "@/app/lib/optimizer/types";
import { localUserId } from "./grading";

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
  userId?: string;
  onProgress?: (progress: TrainingProgress) => void;
}

// Lets a waiting status poll through between the CPU-bound steps on the server's thread.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Trains the learner's parameters and stores them if they are better; see OptimizeResult. */
export async function optimizeParametersWith(
  prisma: Db,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  const userId = options.userId ?? localUserId;
  const [settings, events] = await Promise.all([
    getOptimizerSettings(prisma, userId),
    getReviewEvents(prisma, userId),
  ]);
  const histories = buildCardHistories(events, settings);
  const reviews = countPredictedReviews(histories);
  const tooFew = notEnoughReviews(reviews);
  if (tooFew) return { status: "too-few", message: tooFew, reviews };

  await breathe();
  const before = evaluateParameters(histories, settings.parameters);
  await breathe();
  const trained = await trainParameters(toTrainingItems(histories), options.onProgress);
  const after = evaluateParameters(histories, trained);
  const choice = chooseParameters(settings.parameters, trained, before, after);

  if (!choice.kept) {
    const fsrsParameters = JSON.stringify(choice.parameters);
    await prisma.user.upsert({
      where: { id: userId },
      update: {},
      create: { id: userId, name: "Local learner" },
    });
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
