/**
 * Saving a learner's quiz mode for a deck (and whether its term cards are studied reversed), with
 * the Prisma client passed in so tests run it against real databases.
 */
import type { Db } from "@/app/lib/database/client";
import type { QuizMode } from "@/app/lib/study/quiz-mode";
import { ensureUser } from "./grading";
import { localUserId } from "@/app/lib/auth/local-learner";

export interface QuizSettingsInput {
  deckId: string;
  mode?: QuizMode;
  studyReversed?: boolean;
}

export type SaveQuizSettingsResult =
  { status: "saved"; mode: QuizMode; studyReversed: boolean; slug: string } | { status: "not-found" };

/** Stores what the input names and keeps the rest of the learner's deck settings as they are. */
export async function saveQuizSettingsWith(
  prisma: Db,
  input: QuizSettingsInput,
  userId = localUserId,
): Promise<SaveQuizSettingsResult> {
  const deck = await prisma.deck.findUnique({
    where: { id: input.deckId },
    select: { id: true, slug: true },
  });
  if (!deck) return { status: "not-found" };
  await ensureUser(prisma, userId);
  const data = {
    ...(input.mode ? { quizMode: input.mode } : {}),
    ...(input.studyReversed !== undefined ? { studyReversed: input.studyReversed } : {}),
  };
  const row = await prisma.deckSettings.upsert({
    where: { userId_deckId: { userId, deckId: deck.id } },
    update: data,
    create: { userId, deckId: deck.id, ...data },
    select: { quizMode: true, studyReversed: true },
  });
  return {
    status: "saved",
    mode: (row.quizMode ?? "flip") as QuizMode,
    studyReversed: row.studyReversed ?? false,
    slug: deck.slug,
  };
}
