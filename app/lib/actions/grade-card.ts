"use server";

import { z } from "zod";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { announceCardChange } from "@/app/lib/live/announce-card";
import { busyOr, type BusyResult } from "./busy";
import { undoGradeWith, type UndoResult } from "./grading";
import type { InvalidResult } from "./save-grade";

const undoGradeSchema = z.object({
  gradeId: z.uuid(),
  cardId: z.string().min(1).max(100),
  expectedVersion: z.number().int().min(0),
});

// No revalidatePath: every page reads the database per request, and revalidating would re-render
// the study page on each key press for nothing. Grades themselves go to POST /api/grades.

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
