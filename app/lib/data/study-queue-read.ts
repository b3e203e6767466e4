import type { Db } from "@/app/lib/database/client";
import { localUserId } from "@/app/lib/actions/grading";
import { endOfDay, startOfDay } from "@/app/lib/study/queue";
import type { StudyCard, StudyQueueData } from "@/app/lib/study/types";
import { parseContext, reshapeSchedule } from "./mappers";
import { newRemaining } from "./deck-counts";
import { getQuizSettingsWith, reverseCardsWhere, withQuizData } from "./quiz-mode";
import { isReverseKey } from "@/app/lib/study/quiz-mode";

/**
 * Everything a study session needs, read once: learning cards (they may come due during the
 * session), review cards due today, and the first new cards up to the day's allowance.
 */
export async function getStudyQueueWith(
  prisma: Db,
  slug: string,
  now: Date,
  userId = localUserId,
): Promise<StudyQueueData | null> {
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true },
  });
  if (!deck) return null;
  const startedToday = await prisma.reviewLog.count({
    where: { userId, state: 0, review: { gte: startOfDay(now) }, card: { deckId: deck.id } },
  });
  const allowance = newRemaining(startedToday);
  const quiz = await getQuizSettingsWith(prisma, deck.id, userId);
  const active = { deckId: deck.id, retiredAt: null, ...reverseCardsWhere(quiz.studyReversed) };
  const [started, fresh] = await Promise.all([
    prisma.card.findMany({
      where: {
        ...active,
        states: {
          some: { userId, OR: [{ state: { in: [1, 3] } }, { state: 2, due: { lt: endOfDay(now) } }] },
        },
      },
      include: { states: { where: { userId } } },
    }),
    prisma.card.findMany({
      where: { ...active, states: { none: { userId } } },
      orderBy: { position: "asc" },
      take: allowance,
      include: { states: { where: { userId } } },
    }),
  ]);
  const cards: StudyCard[] = [...started, ...fresh].map((card) => {
    const state = card.states[0];
    return {
      id: card.id,
      kind: card.kind as StudyCard["kind"],
      front: card.front,
      back: card.back,
      context: parseContext(card.context),
      line: card.line,
      position: card.position,
      schedule: state ? reshapeSchedule(state) : null,
      version: state?.version ?? 0,
      ...(isReverseKey(card.key) ? { reverse: true as const } : {}),
    };
  });
  return {
    deck,
    cards: await withQuizData(prisma, deck.id, cards, quiz.mode),
    newRemaining: allowance,
    loadedAt: now.getTime(),
    quiz,
  };
}
