/**
 * Saving a learner's quiz mode for a deck (and whether its term cards are studied reversed), with
 * the Prisma client passed in so tests run it against real databases.
 */
import type { Db } from "@/app/lib/database/client";
import type { QuizMode } from "@/app/lib/study/quiz-mode";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { ensureUser } from "./grading";

export interface QuizSettingsInput {
  deckId: string;
  mode?: QuizMode;
  studyReversed?: boolean;
}

export type SaveQuizSettingsResult =
  { status: "saved"; mode: QuizMode; studyReversed: boolean; slug: string } | { status: "not-found" };

/**
 * Stores what the input names and keeps the rest of the learner's deck settings as they are. A deck
 * the learner cannot see is `not-found` (checked in the transaction that writes).
 */
export async function saveQuizSettingsWith(
  prisma: Db,
  input: QuizSettingsInput,
  userId: string,
): Promise<SaveQuizSettingsResult> {
  await ensureUser(prisma, userId);
  const data = {
    ...(input.mode ? { quizMode: input.mode } : {}),
    ...(input.studyReversed !== undefined ? { studyReversed: input.studyReversed } : {}),
  };
  const saved = await prisma.$transaction(async (tx) => {
    const deck = await tx.deck.findFirst({
      where: { id: input.deckId, ...visibleDeckWhere(userId) },
      select: { id: true, slug: true },
    });
    if (!deck) return null;
    const row = await tx.deckSettings.upsert({
      where: { userId_deckId: { userId, deckId: deck.id } },
      update: data,
      create: { userId, deckId: deck.id, ...data },
      select: { quizMode: true, studyReversed: true },
    });
    return { deck, row };
  });
  if (!saved) return { status: "not-found" };
  const { deck, row } = saved;
  return {
    status: "saved",
    mode: (row.quizMode ?? "flip") as QuizMode,
    studyReversed: row.studyReversed ?? false,
    slug: deck.slug,
  };
}
