/**
 * A learner's study settings and a deck's overrides of them: the shapes, their limits and defaults,
 * and the zod schemas that check them wherever they come in (form, database, backup).
 */
import { z } from "zod";
import { normaliseSteps, parseSteps } from "./steps";
import { limits } from "./limits";
import { isValidTimeZone } from "./study-day";

/** Settings every deck of the learner uses unless the deck overrides them. */
export interface LearnerSettings {
  newPerDay: number;
  maxReviewsPerDay: number;
  desiredRetention: number;
  learningSteps: string;
  relearningSteps: string;
  dayStartHour: number;
  timeZone: string;
  burySiblings: boolean;
  leechThreshold: number;
  /** The 21 FSRS-6 weights trained on the learner's reviews; null = ts-fsrs's defaults. */
  fsrsParameters: number[] | null;
}

/** The settings a deck may override; null = inherit the learner's. */
export type DeckOverrides = {
  [K in "newPerDay" | "maxReviewsPerDay" | "desiredRetention" | "learningSteps" | "relearningSteps"]:
    LearnerSettings[K] | null;
};

export { limits } from "./limits";

/** Anki's defaults, with FSRS's 0.9 retention and a day that starts at 4 am. */
export const defaultLearnerSettings: LearnerSettings = {
  newPerDay: 20,
  maxReviewsPerDay: 200,
  desiredRetention: 0.9,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  dayStartHour: 4,
  timeZone: "UTC",
  burySiblings: true,
  leechThreshold: 8,
  fsrsParameters: null,
};

export const noOverrides: DeckOverrides = {
  newPerDay: null,
  maxReviewsPerDay: null,
  desiredRetention: null,
  learningSteps: null,
  relearningSteps: null,
};

const wholeNumber = (label: string, { min, max }: { min: number; max: number }) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` });

const steps = (label: string) =>
  z
    .string()
    .max(200, { error: `${label}: too long.` })
    .superRefine((text, context) => {
      const parsed = parseSteps(text);
      if ("error" in parsed) context.addIssue({ code: "custom", message: `${label}: ${parsed.error}` });
    })
    .transform(normaliseSteps);

const fields = {
  newPerDay: wholeNumber("New cards per day", limits.newPerDay),
  maxReviewsPerDay: wholeNumber("Maximum reviews per day", limits.maxReviewsPerDay),
  desiredRetention: z.coerce
    .number({ error: "Desired retention must be a number." })
    .min(limits.desiredRetention.min, { error: "Desired retention must be at least 0.70." })
    .max(limits.desiredRetention.max, { error: "Desired retention must be at most 0.97." })
    .transform((value) => Math.round(value * 1000) / 1000),
  learningSteps: steps("Learning steps"),
  relearningSteps: steps("Relearning steps"),
};

/** 21 finite FSRS-6 weights. */
export const fsrsParametersSchema = z.array(z.number().finite()).length(21);

/** The settings form's fields (as strings or values); fsrsParameters is not the form's to set. */
export const learnerSettingsSchema = z.object({
  ...fields,
  dayStartHour: wholeNumber("The day's start hour", limits.dayStartHour),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, { error: "Time zone must be a name like Europe/Paris or America/New_York." }),
  burySiblings: z.boolean(),
  leechThreshold: wholeNumber("Leech threshold", limits.leechThreshold),
});

export type LearnerSettingsInput = z.infer<typeof learnerSettingsSchema>;

/** Blank in the form = inherit: a field given as "", spaces or nothing becomes null. */
const inherit = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value),
    schema.nullable(),
  );

/** A deck's overrides: every field blank in the form ("" or absent) inherits the learner's. */
export const deckOverridesSchema = z.object({
  newPerDay: inherit(fields.newPerDay),
  maxReviewsPerDay: inherit(fields.maxReviewsPerDay),
  desiredRetention: inherit(fields.desiredRetention),
  learningSteps: inherit(fields.learningSteps),
  relearningSteps: inherit(fields.relearningSteps),
});

/** The stored parameters if they are 21 finite numbers, else null (use the defaults). */
export function parseFsrsParameters(json: string | null | undefined): number[] | null {
  if (!json) return null;
  try {
    const parsed = fsrsParametersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
