/**
 * Reads for quiz modes: a learner's mode for a deck, which decks they study reversed, and the
 * answers (and for multiple choice, the options) sent with a study queue.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { answerText } from "@/app/lib/study/answer-text";
import { pickChoices, type ChoiceCandidate } from "@/app/lib/study/choices";
import { maxTypedAnswer } from "@/app/lib/study/typed-answer";
import {
  notReverseCard,
  reverseKeySuffix,
  toQuizMode,
  type CardQuiz,
  type QuizMode,
  type QuizSettings,
} from "@/app/lib/study/quiz-mode";
import type { StudyCard } from "@/app/lib/study/types";
import { parseContext } from "./mappers";

/** The deck's answers offered as wrong options are read from at most this many cards, in file order. */
export const maxChoiceCandidates = 2000;

/**
 * The learner's quiz mode for a deck (flip when none is stored) and whether it has term cards; a
 * deck they may not see has none, so nothing of its cards shows through.
 */
export async function getQuizSettingsWith(prisma: Db, deckId: string, userId: string): Promise<QuizSettings> {
  const [row, term] = await Promise.all([
    prisma.deckSettings.findUnique({
      where: { userId_deckId: { userId, deckId } },
      select: { quizMode: true, studyReversed: true },
    }),
    prisma.card.findFirst({
      where: {
        deckId,
        deck: visibleDeckWhere(userId),
        retiredAt: null,
        kind: "reversed",
        key: { endsWith: reverseKeySuffix },
      },
      select: { id: true },
    }),
  ]);
  return {
    mode: toQuizMode(row?.quizMode),
    studyReversed: row?.studyReversed ?? false,
    hasTerms: term !== null,
  };
}

/** Of these decks, those the learner studies reversed (their term cards' reverse cards count). */
export async function getReversedDeckIdsWith(prisma: Db, deckIds: string[], userId: string) {
  if (deckIds.length === 0) return [];
  const rows = await prisma.deckSettings.findMany({
    where: { userId, deckId: { in: deckIds }, studyReversed: true },
    select: { deckId: true },
  });
  return rows.map((row) => row.deckId);
}

/** The `where` that keeps a deck's reverse cards out unless the learner studies it reversed. */
export function reverseCardsWhere(studyReversed: boolean) {
  return studyReversed ? {} : notReverseCard;
}

/** Cards hidden for this learner: reverse cards of decks not studied reversed. */
export function studiedCardsWhere(reversedDeckIds: string[]) {
  return reversedDeckIds.length > 0
    ? { OR: [{ deckId: { in: reversedDeckIds } }, notReverseCard] }
    : notReverseCard;
}

const flipBecause = {
  long: "This answer is too long to type, so this card is flipped.",
  several: "This card hides several parts, so it is flipped.",
  none: "This card has no answer to type, so it is flipped.",
  choiceLong: "This answer is too long for choices, so this card is flipped.",
  choiceFew: "This deck has fewer than four different answers for this card, so it is flipped.",
} as const;

function typedQuiz(card: StudyCard): CardQuiz {
  const answer = answerText(card);
  if ("fallback" in answer) return { mode: "flip", reason: flipBecause[answer.fallback] };
  if (answer.text.length > maxTypedAnswer) return { mode: "flip", reason: flipBecause.long };
  return { mode: "typed", answer: answer.text };
}

/**
 * The queue's cards with what the deck's mode needs: in typed mode each card's answer as plain
 * text; in choice mode four options chosen among the deck's answers (choices.ts). A card the mode
 * cannot ask is flipped, with the reason. `deckId` is the deck of a study queue already read for
 * the learner (study-queue-read.ts), which checked they may see it.
 */
export async function withQuizData(
  prisma: Db,
  deckId: string,
  cards: StudyCard[],
  mode: QuizMode,
): Promise<StudyCard[]> {
  if (mode === "flip" || cards.length === 0) return cards;
  if (mode === "typed") return cards.map((card) => ({ ...card, quiz: typedQuiz(card) }));
  const rows = await prisma.card.findMany({
    where: { deckId, retiredAt: null },
    orderBy: { position: "asc" },
    take: maxChoiceCandidates,
    select: { id: true, kind: true, front: true, back: true, context: true },
  });
  const candidates: ChoiceCandidate[] = [];
  for (const row of rows) {
    const answer = answerText(row);
    if ("text" in answer)
      candidates.push({
        id: row.id,
        kind: row.kind,
        context: parseContext(row.context),
        answer: answer.text,
      });
  }
  return cards.map((card) => {
    const answer = answerText(card);
    if ("fallback" in answer)
      return { ...card, quiz: { mode: "flip", reason: flipBecause[answer.fallback] } };
    const picked = pickChoices({ ...card, answer: answer.text }, candidates);
    const quiz: CardQuiz =
      "fallback" in picked
        ? {
            mode: "flip",
            reason: picked.fallback === "long" ? flipBecause.choiceLong : flipBecause.choiceFew,
          }
        : { mode: "choice", options: picked.options, answerIndex: picked.answerIndex };
    return { ...card, quiz };
  });
}
