/**
 * The study page's side of POST /api/grades (app/api/grades/route.ts): sends one grade and reads
 * the answer back through a schema, turning the JSON dates into Dates again. Throws on a network
 * failure and on an answer that is not a grade result (a proxy's error page, a 401 or 500), which
 * the outbox retries with backoff; a `busy` answer (503) comes back for the outbox to retry too.
 */
import { z } from "@/app/lib/browser-zod";
import type { GradeInput } from "@/app/lib/actions/grading";
import type { SaveGradeResult } from "@/app/lib/actions/save-grade";

const schedule = z.object({
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  last_review: z.coerce.date().nullable(),
});
const serverState = { cardId: z.string(), schedule: schedule.nullable(), version: z.number() };

const answerSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("saved"),
    duplicate: z.boolean(),
    leech: z.boolean().optional(),
    ...serverState,
  }),
  z.object({ status: z.literal("conflict"), ...serverState }),
  z.object({ status: z.literal("not-found"), cardId: z.string() }),
  z.object({ status: z.literal("busy") }),
  z.object({ status: z.literal("invalid"), errors: z.record(z.string(), z.array(z.string()).optional()) }),
]) satisfies z.ZodType<SaveGradeResult>;

export class GradeNotSavedError extends Error {
  constructor(httpStatus: number) {
    super(`Saving the grade answered HTTP ${httpStatus}`);
    this.name = "GradeNotSavedError";
  }
}

export async function postGrade(grade: GradeInput): Promise<SaveGradeResult> {
  const response = await fetch("/api/grades", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(grade),
    cache: "no-store",
  });
  const answer = answerSchema.safeParse(await response.json().catch(() => null));
  if (!answer.success) throw new GradeNotSavedError(response.status);
  return answer.data;
}
