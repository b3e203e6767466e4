import type { Db } from "@/app/lib/database/client";
import { canSeeDeck } from "@/app/lib/auth/deck-access";
import { schedulingOptionsOf, studyDay } from "@/app/lib/settings";
import { dailyAllowance } from "@/app/lib/study/daily-limits";
import type { StudyCard, StudyQueueData } from "@/app/lib/study/types";
import { parseContext, reshapeSchedule, type CardStateRow } from "./mappers";
import { withQuizData } from "./quiz-mode";
import { getStudyDeckContextWith } from "./study-deck-context";
import { isReverseKey } from "@/app/lib/study/quiz-mode";
import { hintsToRaise, raiseNewCardHints } from "./new-card-hint";
import {
  asDate,
  cardRows,
  gradesLookBackMs,
  laterDueQuery,
  newCardsQuery,
  runQueueQuery,
  startedCardsQuery,
  stateOfRow,
  type NewCardRow,
  type QueueScope,
  type StartedCardRow,
} from "./queue-sql";

/** Learning cards read at most: far more than a day's steps ever leave in one deck. */
const maxLearning = 10_000;

/**
 * The first `allowance` new cards in file order, and whether more wait after them (one more is
 * read to tell). With burying on, a note's sibling in the batch will be buried in the browser once
 * the first is studied, so one more card comes for each.
 */
async function newCards(
  prisma: Db,
  scope: QueueScope & { deckId: string },
  allowance: number,
  burySiblings: boolean,
) {
  const read = (take: number) =>
    runQueueQuery<NewCardRow>(prisma, (provider) =>
      newCardsQuery(provider, scope, [{ deckId: scope.deckId, take }]),
    );
  let spares = 0;
  const first = await read(allowance + 1);
  let cards = cardRows(first);
  // A few rounds cover a cloze with many deletions; a batch shorter than asked means no more cards.
  for (let round = 0; burySiblings && round < 3 && cards.length > allowance + spares; round++) {
    const batch = cards.slice(0, allowance + spares);
    const more = batch.length - new Set(batch.map((card) => `${card.line}:${card.kind}`)).size;
    if (more <= spares) break;
    spares = more;
    cards = cardRows(await read(allowance + spares + 1));
  }
  // The first read's walk tells whether the learner's hint can move up (new-card-hint.ts).
  const raise = hintsToRaise([{ deckId: scope.deckId }], first);
  if (raise.length > 0) await raiseNewCardHints(prisma, scope.userId, raise);
  return { cards: cards.slice(0, allowance + spares), more: cards.length > allowance + spares };
}

/**
 * Everything a study session needs, read once: learning cards (they may come due during the
 * session), review cards due before the study day ends up to the day's review limit, and the first
 * new cards up to the day's new-card limit, with the settings the browser schedules them by. Null
 * when there is no such deck for this learner (another learner's private deck reads the same), or
 * it cannot be studied (in the trash, or its file is missing).
 */
export async function getStudyQueueWith(
  prisma: Db,
  slug: string,
  now: Date,
  userId: string,
): Promise<StudyQueueData | null> {
  // Today's grades come with the deck and settings: the day's start depends on the learner's
  // settings, so the grades are read from a bound no study day starts before and filtered after.
  const context = await getStudyDeckContextWith(
    prisma,
    userId,
    slug,
    new Date(now.getTime() - gradesLookBackMs),
  );
  if (!context) return null;
  const { deck, settings, quiz, recent } = context;
  // Another learner's deck reads as no deck at all, so that its existence does not leak; in the
  // trash, or its file gone: not studyable (the deck page says why).
  if (!canSeeDeck(deck, userId) || deck.deletedAt || deck.missingAt) return null;
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const graded = recent.filter((log) => log.review >= day.start);
  const { newRemaining, reviewsRemaining } = dailyAllowance(settings, graded);
  // Study controls: suspended cards, and cards buried until a later day, stay out of the session;
  // so do the reverse cards of term cards unless the learner studies this deck both ways.
  const scope = {
    userId,
    now,
    deckId: deck.id,
    reverse: quiz.studyReversed ? { all: true as const } : { deckIds: [] },
    graded: settings.burySiblings ? graded : [],
  };
  const [started, fresh, later] = await Promise.all([
    // One review more than the day's limit tells whether some wait for the next day.
    runQueueQuery<StartedCardRow>(prisma, (provider) =>
      startedCardsQuery(provider, scope, {
        dayEnd: day.end,
        learning: maxLearning,
        reviews: reviewsRemaining + 1,
      }),
    ),
    newCards(prisma, scope, newRemaining, settings.burySiblings),
    runQueueQuery<{ review: unknown; buried: unknown }>(prisma, (provider) =>
      laterDueQuery(provider, scope, day.end),
    ),
  ]);
  const learning = started.filter((row) => Number(row.state) !== 2);
  // Most overdue first, as in Anki; the rest wait for a day with room.
  const reviews = started
    .filter((row) => Number(row.state) === 2)
    .sort((a, b) => asDate(a.due)!.getTime() - asDate(b.due)!.getTime() || a.position - b.position);
  const dueFirst = reviews.slice(0, reviewsRemaining);
  const cards: StudyCard[] = [
    ...[...learning, ...dueFirst].map((row) => ({
      ...reshapeStudyCard(row, stateOfRow(row)),
      flag: Number(row.flag),
    })),
    ...fresh.cards.map((row) => ({ ...reshapeStudyCard(row, undefined), flag: Number(row.flag) })),
  ];
  // A review due on a later day, a buried card back, or (new cards left over) the next day.
  const times = [asDate(later[0]?.review), asDate(later[0]?.buried), fresh.more ? day.end : null]
    .filter((time): time is Date => time !== null)
    .map((time) => time.getTime());
  const laterDue = times.length > 0 ? Math.min(...times) : null;
  // Reviews over the day's limit wait for the next study day.
  const nextLater =
    reviews.length > dueFirst.length ? Math.min(day.end.getTime(), laterDue ?? Infinity) : laterDue;
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
