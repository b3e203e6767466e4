/** A deck's effective settings: its overrides over the learner's, and what the scheduler takes from them. */
import type { DeckOverrides, LearnerSettings } from "./schema";
import { stepsOf, type Step } from "./steps";

export type DeckStudySettings = LearnerSettings;

/** The learner's settings with each field the deck overrides (non-null) replaced. */
export function resolveDeckSettings(
  learner: LearnerSettings,
  override: DeckOverrides | null,
): DeckStudySettings {
  if (!override) return learner;
  return {
    ...learner,
    newPerDay: override.newPerDay ?? learner.newPerDay,
    maxReviewsPerDay: override.maxReviewsPerDay ?? learner.maxReviewsPerDay,
    desiredRetention: override.desiredRetention ?? learner.desiredRetention,
    learningSteps: override.learningSteps ?? learner.learningSteps,
    relearningSteps: override.relearningSteps ?? learner.relearningSteps,
  };
}

/**
 * What the scheduler needs, as plain data: it crosses to the browser with the study queue so the
 * interval on each grade button is the one the server will save.
 */
export interface SchedulingOptions {
  requestRetention: number;
  learningSteps: Step[];
  relearningSteps: Step[];
  /** FSRS-6 weights, null = ts-fsrs's defaults. */
  parameters: number[] | null;
}

export function schedulingOptionsOf(settings: DeckStudySettings): SchedulingOptions {
  return {
    requestRetention: settings.desiredRetention,
    learningSteps: stepsOf(settings.learningSteps),
    relearningSteps: stepsOf(settings.relearningSteps),
    parameters: settings.fsrsParameters,
  };
}
