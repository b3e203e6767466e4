"use server";

import { z } from "zod";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { announceCardChange } from "@/app/lib/live/announce-card";
import { busyOr, type BusyResult } from "./busy";
import { gradeCardWith, undoGradeWith, type GradeResult, type UndoResult } from "./grading";

export type InvalidResult = { status: "invalid"; errors: Record<string, string[] | undefined> };

const gradeCardSchema = z.object({
  gradeId: z.uuid(),
  cardId: z.string().min(1).max(100),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  expectedVersion: z.number().int().min(0),
  durationMs: z.number().int().min(0).max(86_400_000).nullish(),
});

const undoGradeSchema = z.object({
  gradeId: z.uuid(),
  cardId: z.string().min(1).max(100),
  expectedVersion: z.number().int().min(0),
});

// No revalidatePath: every page reads the database per request, and revalidating would re-render
// the study page on each key press for nothing.

/** Saves a grade made in the browser; `now` is taken here, when the save runs. */
export async function gradeCard(input: unknown): Promise<GradeResult | BusyResult | InvalidResult> {
  const parsed = gradeCardSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: z.flattenError(parsed.error).fieldErrors };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  const result = await busyOr(() => gradeCardWith(prisma, parsed.data, new Date(), { userId }));
  if (result.status === "saved" && !result.duplicate) void announceCardChange(userId, result);
  return result;
}

/** Takes back a saved grade (Ctrl+Z / u on the study page). */
export async function undoGrade(input: unknown): Promise<UndoResult | BusyResult | InvalidResult> {
  const parsed = undoGradeSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: z.flattenError(parsed.error).fieldErrors };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  const result = await busyOr(() => undoGradeWith(prisma, parsed.data, { userId }));
  if (result.status === "undone" && !result.alreadyUndone) void announceCardChange(userId, result);
  return result;
}
