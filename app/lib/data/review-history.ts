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

const pageSize = 2_000;

/**
 * Every grade the learner has made (imported Anki history included), oldest first, read 2,000 rows
 * at a time along the (userId, review) index: on SQLite a query runs on the server's thread, and
 * 100,000 rows in one query held it for ~1.5 s, so other requests get their turn between pages.
 */
export async function getReviewEvents(prisma: Db, userId: string): Promise<ReviewEvent[]> {
  const events: ReviewEvent[] = [];
  let after: { review: Date; id: string } | null = null;
  for (;;) {
    const page: (ReviewEvent & { id: string })[] = await prisma.reviewLog.findMany({
      where: after
        ? { userId, OR: [{ review: { gt: after.review } }, { review: after.review, id: { gt: after.id } }] }
        : { userId },
      select: { id: true, cardId: true, rating: true, state: true, review: true },
      orderBy: [{ review: "asc" }, { id: "asc" }],
      take: pageSize,
    });
    for (const { cardId, rating, state, review } of page) events.push({ cardId, rating, state, review });
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return events;
    after = { review: last.review, id: last.id };
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
