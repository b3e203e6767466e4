/**
 * Reads for the optimizer: a learner's whole review log, reduced to what FSRS trains on, and the
 * settings that shape it (study-day boundary, time zone, current parameters).
 */
import { z } from "zod";
import { default_w } from "ts-fsrs";
import type { Db } from "@/app/lib/database/client";
import type { Parameters, ReviewEvent } from "@/app/lib/optimizer/types";

export interface OptimizerSettings {
  dayStartHour: number;
  timeZone: string;
  /** The learner's trained parameters, or the FSRS-6 defaults when none are stored. */
  parameters: Parameters;
  /** True when `parameters` are the defaults. */
  defaults: boolean;
}

export const fsrsParametersSchema = z.array(z.number().finite()).length(21);

/** Stored LearnerSettings.fsrsParameters -> 21 numbers, or null when absent or not 21 numbers. */
export function parseStoredParameters(stored: string | null | undefined): Parameters | null {
  if (!stored) return null;
  try {
    const parsed = fsrsParametersSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function getOptimizerSettings(prisma: Db, userId: string): Promise<OptimizerSettings> {
  const row = await prisma.learnerSettings.findUnique({
    where: { userId },
    select: { dayStartHour: true, timeZone: true, fsrsParameters: true },
  });
  const stored = parseStoredParameters(row?.fsrsParameters);
  return {
    dayStartHour: row?.dayStartHour ?? 4,
    timeZone: row?.timeZone ?? "UTC",
    parameters: stored ?? [...default_w],
    defaults: !stored,
  };
}

/** Every grade the learner has made (imported Anki history included), oldest first. */
export async function getReviewEvents(prisma: Db, userId: string): Promise<ReviewEvent[]> {
  return prisma.reviewLog.findMany({
    where: { userId },
    select: { cardId: true, rating: true, state: true, review: true },
    orderBy: { review: "asc" },
  });
}
