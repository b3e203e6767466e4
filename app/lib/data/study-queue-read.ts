import type { Db } from "@/app/lib/database/client";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { canSeeDeck } from "@/app/lib/auth/deck-access";
import { schedulingOptionsOf, studyDay } from "@/app/lib/settings";
import { dailyAllowance } from "@/app/lib/study/daily-limits";
import type { StudyCard, StudyQueueData } from "@/app/lib/study/types";
import { parseContext, reshapeSchedule, type CardStateRow } from "./mappers";
import { getLaterDueWith, studyable } from "./card-marks";
import { getDeckStudySettingsWith } from "./settings-read";
import { getQuizSettingsWith, reverseCardsWhere, withQuizData } from "./quiz-mode";
import { isReverseKey } from "@/app/lib/study/quiz-mode";

/** Not a sibling of a card graded today (its note is buried until the next study day). */
function notBuriedSibling(graded: { cardId: string; line: number; kind: string }[]): Prisma.CardWhereInput {
  if (graded.length === 0) return {};
  const keys = new Map(graded.map((log) => [`${log.line}:${log.kind}`, { line: log.line, kind: log.kind }]));
  return { OR: [{ id: { in: graded.map((log) => log.cardId) } }, { NOT: { OR: [...keys.values()] } }] };
}

/**
 * The first `allowance` new cards in file order. With burying on, a note's sibling in the batch will be
 * buried in the browser once the first is studied, so one more card comes for each.
 */
async function newCards(
  prisma: Db,
  where: Prisma.CardWhereInput,
  userId: string,
  allowance: number,
  burySiblings: boolean,
) {
  const read = (take: number) =>
    prisma.card.findMany({
      where,
      orderBy: { position: "asc" },
      take,
      include: { states: { where: { userId } }, marks: { where: { userId }, select: { flag: true } } },
    });
  let take = allowance;
  let cards = await read(take);
  // A few rounds cover a cloze with many deletions; a batch shorter than asked means no more cards.
  for (let round = 0; burySiblings && round < 3 && cards.length === take; round++) {
    const spares = cards.length - new Set(cards.map((card) => `${card.line}:${card.kind}`)).size;
    if (allowance + spares <= take) break;
    take = allowance + spares;
    cards = await read(take);
  }
  return cards;
}

/**
 * Everything a study session needs, read once: learning cards (they may come due during the
 * session), review cards due before the study day ends up to the day's review limit, and the first
 * new cards up to the day's new-card limit, with the settings the browser schedules them by. Null
 * when there is no such deck, or it cannot be studied (in the trash, or its file is missing).
 */
export async function getStudyQueueWith(
  prisma: Db,
  slug: string,
  now: Date,
  userId: string,
): Promise<StudyQueueData | null> {
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      sourcePath: true,
      deletedAt: true,
      missingAt: true,
      ownerId: true,
    },
  });
  // Another learner's deck reads as no deck at all, so that its existence does not leak; in the
  // trash, or its file gone: not studyable (the deck page says why).
  if (!deck || !canSeeDeck(deck, userId) || deck.deletedAt || deck.missingAt) return null;
  const settings = await getDeckStudySettingsWith(prisma, userId, deck.id);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const logs = await prisma.reviewLog.findMany({
    where: { userId, review: { gte: day.start }, card: { deckId: deck.id } },
    select: { cardId: true, state: true, card: { select: { line: true, kind: true } } },
  });
  const graded = logs.map((log) => ({ cardId: log.cardId, state: log.state, ...log.card }));
  const { newRemaining, reviewsRemaining } = dailyAllowance(settings, graded);
  const buried = settings.burySiblings ? notBuriedSibling(graded) : {};
  const quiz = await getQuizSettingsWith(prisma, deck.id, userId);
  // Study controls: suspended cards, and cards buried until a later day, stay out of the session;
  // so do the reverse cards of term cards unless the learner studies this deck both ways.
  const active: Prisma.CardWhereInput = {
    deckId: deck.id,
    retiredAt: null,
    ...studyable(userId, now),
    ...reverseCardsWhere(quiz.studyReversed),
  };
  const marks = { where: { userId }, select: { flag: true } };
  const [learning, reviews, fresh, laterDue] = await Promise.all([
    prisma.card.findMany({
      where: { ...active, states: { some: { userId, state: { in: [1, 3] } } } },
      include: { states: { where: { userId } }, marks },
    }),
    prisma.card.findMany({
      where: { AND: [active, buried, { states: { some: { userId, state: 2, due: { lt: day.end } } } }] },
      orderBy: { id: "asc" },
      include: { states: { where: { userId } }, marks },
    }),
    newCards(
      prisma,
      { AND: [active, buried, { states: { none: { userId } } }] },
      userId,
      newRemaining,
      settings.burySiblings,
    ),
    getLaterDueWith(prisma, deck.id, now, { userId, dayEnd: day.end, newAllowance: newRemaining }),
  ]);
  // Most overdue first, as in Anki; the rest wait for a day with room.
  const dueFirst = reviews
    .map((card) => ({ card, due: card.states[0]?.due.getTime() ?? 0 }))
    .sort((a, b) => a.due - b.due || a.card.position - b.card.position)
    .slice(0, reviewsRemaining)
    .map(({ card }) => card);
  const cards: StudyCard[] = [...learning, ...dueFirst, ...fresh].map((card) => ({
    ...reshapeStudyCard(card, card.states[0]),
    flag: card.marks[0]?.flag ?? 0,
  }));
  // Reviews over the day's limit wait for the next study day.
  const nextLater =
    reviews.length > dueFirst.length
      ? Math.min(day.end.getTime(), laterDue?.getTime() ?? Infinity)
      : (laterDue?.getTime() ?? null);
  return {
    deck: { id: deck.id, slug: deck.slug, title: deck.title, sourcePath: deck.sourcePath },
    cards: await withQuizData(prisma, deck.id, cards, quiz.mode),
    newRemaining,
    loadedAt: now.getTime(),
    dayEnd: day.end.getTime(),
    burySiblings: settings.burySiblings,
    leechThreshold: settings.leechThreshold,
    scheduling: schedulingOptionsOf(settings),
    laterDue: nextLater,
    quiz,
  };
}

/** A card row and the learner's state row (none while new) as the study page works with them. */
export function reshapeStudyCard(
  card: {
    id: string;
    key: string;
    kind: string;
    front: string;
    back: string;
    context: string;
    line: number;
    position: number;
  },
  state: CardStateRow | undefined,
): StudyCard {
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
}
