import "server-only";
import { z } from "zod";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { announceCardChange, cardChangeNotice } from "@/app/lib/live/announce-card";
import { providerOfClient } from "@/app/lib/data/queue-sql";
import { busyOr, type BusyResult } from "./busy";
import { gradeCardWith, type GradeResult } from "./grading";

export type InvalidResult = { status: "invalid"; errors: Record<string, string[] | undefined> };

export type SaveGradeResult = GradeResult | BusyResult | InvalidResult;

const gradeCardSchema = z.object({
  gradeId: z.uuid(),
  cardId: z.string().min(1).max(100),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  expectedVersion: z.number().int().min(0),
  durationMs: z.number().int().min(0).max(86_400_000).nullish(),
});

/**
 * Saves a grade made in the browser for the signed-in learner (POST /api/grades); `now` is taken
 * here, when the save runs. Throws SignInRequiredError when nobody is signed in.
 */
export async function saveGrade(input: unknown): Promise<SaveGradeResult> {
  const parsed = gradeCardSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: z.flattenError(parsed.error).fieldErrors };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  // On PostgreSQL the grade's write sends its own notification; elsewhere it is announced after.
  const notice = providerOfClient(prisma) === "postgresql" ? cardChangeNotice(userId) : undefined;
  const result = await busyOr(() => gradeCardWith(prisma, parsed.data, new Date(), { userId, notice }));
  if (result.status === "saved" && !result.duplicate && !notice) void announceCardChange(userId, result);
  return result;
}
