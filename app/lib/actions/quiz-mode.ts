"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { quizModes } from "@/app/lib/study/quiz-mode";
import { saveQuizSettingsWith, type SaveQuizSettingsResult } from "./quiz-settings";

export type SaveQuizModeState =
  SaveQuizSettingsResult | { status: "invalid"; errors: Record<string, string[] | undefined> };

const saveQuizModeSchema = z
  .object({
    deckId: z.string().min(1).max(100),
    mode: z.enum(quizModes).optional(),
    studyReversed: z.boolean().optional(),
  })
  .refine((input) => input.mode !== undefined || input.studyReversed !== undefined, {
    message: "Name a mode or whether to study reversed",
    path: ["mode"],
  });

/**
 * Saves the quiz mode (or reversed study) the learner picked on the study page, then re-reads the
 * study page, whose queue depends on it (choices, reverse cards).
 */
export async function saveQuizMode(input: unknown): Promise<SaveQuizModeState> {
  const parsed = saveQuizModeSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: z.flattenError(parsed.error).fieldErrors };
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  const result = await saveQuizSettingsWith(prisma, parsed.data, userId);
  if (result.status === "saved") {
    revalidatePath(`/decks/${result.slug}/study`);
    revalidatePath(`/decks/${result.slug}`);
  }
  return result;
}
