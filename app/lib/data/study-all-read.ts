/**
 * Study all: one queue over the cards of every deck the learner can see (the shared notes-folder
 * decks and their own), read a batch at a time so a learner with a thousand decks and 50,000 due
 * cards never loads them all into one page. Decks in the trash or whose file is gone, and retired
 * cards, are left out. The SQL is in queue-sql.ts.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { resolveDeckSettings, schedulingOptionsOf, studyDay } from "@/app/lib/settings";
import { dailyAllowance, type GradedToday } from "@/app/lib/study/daily-limits";
import type { StudyCard, StudyQueueData } from "@/app/lib/study/types";
import { getDecksOverridesWith, getLearnerSettingsWith } from "./settings-read";
import { hintsToRaise, raiseNewCardHints } from "./new-card-hint";
import { reshapeStudyCard } from "./study-queue-read";
import {
  asDate,
  cardRows,
  dueCountQuery,
  newCardsQuery,
  readGradedToday,
  runQueueQuery,
  startedCardsQuery,
  stateOfRow,
  type NewCardRow,
  type QueueScope,
  type StartedCardRow,
} from "./queue-sql";

/** Cards in one batch: enough for a long sitting, few enough to render on the server in one go. */
export const studyAllBatch = 500;
/** Decks read at a time when gathering new cards: a batch of new cards seldom needs more. */
const decksPerScan = 50;

/**
 * The learner's settings, the bounds of their study day around `now`, and the decks they study
 * both ways (only those decks' reverse cards are studied).
 */
async function learnerDay(prisma: Db, userId: string, now: Date) {
  const [{ settings }, reversed] = await Promise.all([
    getLearnerSettingsWith(prisma, userId),
    prisma.deckSettings.findMany({ where: { userId, studyReversed: true }, select: { deckId: true } }),
  ]);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const scope: QueueScope = { userId, now, reverse: { deckIds: reversed.map((row) => row.deckId) } };
  return { settings, day, scope };
}

type LearnerDay = Awaited<ReturnType<typeof learnerDay>>;

/**
 * Due cards counted at most: counting 50,000 through their card and deck took 150 ms, on every
 * page for the header, where "more than 10,000" says as much.
 */
export const dueCountCap = 10_000;

async function countDue(prisma: Db, learner: LearnerDay, cap: number) {
  const [row] = await runQueueQuery<{ due: unknown }>(prisma, (provider) =>
    dueCountQuery(provider, learner.scope, learner.day.end, cap),
  );
  return Math.min(cap + 1, Number(row?.due ?? 0));
}

/**
 * Learning and review cards due today across all the decks the learner can see and study (the
 * header's "Study all (N due)"), counted up to `cap`: more than that reads as `cap + 1`.
 */
export async function countDueAllWith(
  prisma: Db,
  now: Date,
  { userId, cap = dueCountCap }: { userId: string; cap?: number },
): Promise<number> {
  return countDue(prisma, await learnerDay(prisma, userId, now), cap);
}

/**
 * New cards and reviews graded since the study day began, by deck (they use up the day's limits):
 * the learner's few logs of today read once for every deck, not once per page of decks.
 */
async function gradedTodayByDeck(prisma: Db, userId: string, dayStart: Date) {
  const logs = await readGradedToday(prisma, { userId, since: dayStart, states: [0, 2] });
  const byDeck = new Map<string, GradedToday[]>();
  for (const { deckId, ...log } of logs) byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), log]);
  return byDeck;
}

/** Decks waiting for their new cards, each with what its allowance leaves today. */
type WaitingDeck = { id: string; slug: string; title: string; take: number };

/**
 * The next page of decks the learner can see, in title order after `after`, each with its
 * allowance of new cards today (its overrides over the learner's settings: the same rule as the
 * deck's own study page).
 */
async function deckPage(
  prisma: Db,
  learner: LearnerDay,
  graded: Promise<Map<string, GradedToday[]>>,
  after: string | undefined,
): Promise<WaitingDeck[]> {
  const { settings, scope } = learner;
  const decks = await prisma.deck.findMany({
    where: { deletedAt: null, missingAt: null, ...visibleDeckWhere(scope.userId) },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: decksPerScan,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: { id: true, slug: true, title: true },
  });
  const [overrides, today] = await Promise.all([
    getDecksOverridesWith(
      prisma,
      scope.userId,
      decks.map((deck) => deck.id),
    ),
    graded,
  ]);
  return decks.map((deck) => {
    const deckSettings = resolveDeckSettings(settings, overrides.get(deck.id) ?? null);
    return { ...deck, take: dailyAllowance(deckSettings, today.get(deck.id) ?? []).newRemaining };
  });
}

/**
 * Today's grades and the first page of decks, read before the due cards tell whether any room is
 * left for new cards: they run alongside the due cards' queries rather than after them.
 */
function prefetchNewCards(prisma: Db, learner: LearnerDay) {
  const graded = gradedTodayByDeck(prisma, learner.scope.userId, learner.day.start);
  const firstPage = deckPage(prisma, learner, graded, undefined);
  // Left unread when the due cards fill the batch: a failure then is of no consequence.
  firstPage.catch(() => undefined);
  return { graded, firstPage };
}

/**
 * New cards for `room` places, deck by deck in title order (each deck's in file order), within each
 * deck's allowance. Each round asks, in one query, the next decks whose allowances together fill
 * the room; a deck with fewer new cards than its allowance leaves room for the next round. Nothing
 * counts a deck's new cards: that read every card of every deck.
 */
async function newCardsFor(
  prisma: Db,
  room: number,
  learner: LearnerDay,
  { graded, firstPage }: ReturnType<typeof prefetchNewCards>,
): Promise<StudyCard[]> {
  const { scope } = learner;
  const cards: StudyCard[] = [];
  if (room <= 0) return cards;
  let waiting = await firstPage;
  let lastPage = waiting.length < decksPerScan;
  let after = waiting.at(-1)?.id;
  while (cards.length < room) {
    if (waiting.length === 0) {
      if (lastPage) break;
      waiting = await deckPage(prisma, learner, graded, after);
      lastPage = waiting.length < decksPerScan;
      after = waiting.at(-1)?.id;
      continue;
    }
    const round: WaitingDeck[] = [];
    for (let wanted = room - cards.length; waiting.length > 0 && wanted > 0;) {
      const deck = waiting.shift()!;
      if (deck.take === 0) continue;
      round.push(deck);
      wanted -= deck.take;
    }
    if (round.length === 0) continue;
    const rows = await runQueueQuery<NewCardRow>(prisma, (provider) =>
      newCardsQuery(
        provider,
        scope,
        round.map((deck) => ({ deckId: deck.id, take: deck.take })),
      ),
    );
    // The walks tell which of the learner's hints can move up (new-card-hint.ts).
    const raise = hintsToRaise(
      round.map((deck) => ({ deckId: deck.id })),
      rows,
    );
    if (raise.length > 0) await raiseNewCardHints(prisma, scope.userId, raise);
    const found = cardRows(rows).sort((a, b) => Number(a.arm) - Number(b.arm) || a.position - b.position);
    for (const row of found.slice(0, room - cards.length)) {
      const deck = round[Number(row.arm)]!;
      cards.push({
        ...reshapeStudyCard(row, undefined),
        flag: Number(row.flag),
        deck: { slug: deck.slug, title: deck.title },
      });
    }
  }
  return cards;
}

/**
 * One batch of the Study all queue: due learning and review cards, oldest due first, then new cards
 * from each deck within its daily allowance, `limit` cards at most. `scope.remaining` counts the
 * due cards left for later batches (up to {@link dueCountCap}).
 */
export async function getStudyAllQueueWith(
  prisma: Db,
  now: Date,
  { limit = studyAllBatch, userId }: { limit?: number; userId: string },
): Promise<StudyQueueData> {
  const learner = await learnerDay(prisma, userId, now);
  const prefetched = prefetchNewCards(prisma, learner);
  // The due count runs alongside today's reviews and the due cards they leave room for.
  const [rows, dueTotal] = await Promise.all([
    prisma.reviewLog
      .count({ where: { userId, state: 2, review: { gte: learner.day.start } } })
      .then((reviewedToday) =>
        runQueueQuery<StartedCardRow>(prisma, (provider) =>
          startedCardsQuery(provider, learner.scope, {
            dayEnd: learner.day.end,
            learning: limit,
            // The learner's maximum reviews a day holds across all decks together; learning cards are not limited.
            reviews: Math.min(limit, Math.max(0, learner.settings.maxReviewsPerDay - reviewedToday)),
          }),
        ),
      ),
    countDue(prisma, learner, dueCountCap),
  ]);
  const dueFirst = rows
    .map((row) => ({ row, due: asDate(row.due)!.getTime() }))
    .sort((a, b) => a.due - b.due)
    .slice(0, limit);
  const started = dueFirst.map(({ row }) => ({
    ...reshapeStudyCard(row, stateOfRow(row)),
    flag: Number(row.flag),
    deck: { slug: row.deckSlug, title: row.deckTitle },
  }));
  const fresh = await newCardsFor(prisma, limit - started.length, learner, prefetched);
  const capped = dueTotal > dueCountCap;
  const remaining = (capped ? dueCountCap : dueTotal) - started.length;
  return {
    deck: { id: "", slug: "", title: "All decks" },
    cards: [...started, ...fresh],
    // Each deck's allowance is already applied to the cards read: the session need not limit them again.
    newRemaining: fresh.length,
    loadedAt: now.getTime(),
    dayEnd: learner.day.end.getTime(),
    burySiblings: learner.settings.burySiblings,
    leechThreshold: learner.settings.leechThreshold,
    // Decks' own retention and steps still apply when the server saves a grade; the buttons preview
    // with the learner's, which differ only for a deck with overrides.
    scheduling: schedulingOptionsOf(resolveDeckSettings(learner.settings, null)),
    scope: {
      kind: "all",
      remaining,
      capped,
      more: remaining > 0 || started.length + fresh.length >= limit,
    },
  };
}
