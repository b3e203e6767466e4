/**
 * Study all: one queue over the cards of every deck the learner can see (the shared notes-folder
 * decks and their own), read a batch at a time so a learner with a thousand decks and 50,000 due
 * cards never loads them all into one page. Decks in the trash or whose file is gone, and retired
 * cards, are left out. The SQL is in queue-sql.ts.
 */
import type { Db } from "@/app/lib/database/client";
import { resolveDeckSettings, schedulingOptionsOf, studyDay } from "@/app/lib/settings";
import { dailyAllowance, type GradedToday } from "@/app/lib/study/daily-limits";
import type { StudyCard, StudyQueueData } from "@/app/lib/study/types";
import { getLearnerSettingsWith } from "./settings-read";
import { getStudyAllDecksWith, type StudyAllDeck } from "./study-all-decks";
import { hintsToRaise, raiseNewCardHints } from "./new-card-hint";
import { reshapeStudyCard } from "./study-queue-read";
import {
  asDate,
  cardRows,
  dueCountQuery,
  newCardsQuery,
  gradesLookBackMs,
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
 * The learner's new cards and reviews graded in the last two days, read without waiting for their
 * settings; {@link gradedToday} keeps those of the study day once the settings are known.
 */
function readRecentGrades(prisma: Db, userId: string, now: Date) {
  return readGradedToday(prisma, {
    userId,
    since: new Date(now.getTime() - gradesLookBackMs),
    states: [0, 2],
  });
}

/**
 * New cards and reviews graded since the study day began (they use up the day's limits): how many
 * reviews, and the grades by deck.
 */
function gradedToday(recent: Awaited<ReturnType<typeof readRecentGrades>>, dayStart: Date) {
  const byDeck = new Map<string, GradedToday[]>();
  let reviews = 0;
  for (const { deckId, review, ...log } of recent) {
    if (review < dayStart) continue;
    if (log.state === 2) reviews++;
    byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), log]);
  }
  return { reviews, byDeck };
}

/** Decks waiting for their new cards, each with what its allowance leaves today. */
type WaitingDeck = { id: string; slug: string; title: string; take: number };

/**
 * Each deck's allowance of new cards today (its overrides over the learner's settings: the same
 * rule as the deck's own study page).
 */
function withAllowances(
  decks: readonly StudyAllDeck[],
  learner: LearnerDay,
  byDeck: ReadonlyMap<string, GradedToday[]>,
): WaitingDeck[] {
  return decks.map(({ overrides, ...deck }) => {
    const deckSettings = resolveDeckSettings(learner.settings, overrides);
    return { ...deck, take: dailyAllowance(deckSettings, byDeck.get(deck.id) ?? []).newRemaining };
  });
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
  { firstPage, byDeck }: { firstPage: StudyAllDeck[]; byDeck: ReadonlyMap<string, GradedToday[]> },
): Promise<StudyCard[]> {
  const { scope } = learner;
  const cards: StudyCard[] = [];
  if (room <= 0) return cards;
  let page = firstPage;
  let waiting = withAllowances(page, learner, byDeck);
  while (cards.length < room) {
    if (waiting.length === 0) {
      const last = page.at(-1);
      if (page.length < decksPerScan || !last) break;
      page = await getStudyAllDecksWith(prisma, scope.userId, decksPerScan, last);
      waiting = withAllowances(page, learner, byDeck);
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
  // What waits for nothing is read at once: the settings, the recent grades (the day's start
  // depends on the settings) and the first page of decks (left unused when due cards fill the batch).
  const [learner, recent, firstPage] = await Promise.all([
    learnerDay(prisma, userId, now),
    readRecentGrades(prisma, userId, now),
    getStudyAllDecksWith(prisma, userId, decksPerScan, undefined),
  ]);
  const graded = gradedToday(recent, learner.day.start);
  const [rows, dueTotal] = await Promise.all([
    runQueueQuery<StartedCardRow>(prisma, (provider) =>
      startedCardsQuery(provider, learner.scope, {
        dayEnd: learner.day.end,
        learning: limit,
        // The learner's maximum reviews a day holds across all decks together; learning cards are not limited.
        reviews: Math.min(limit, Math.max(0, learner.settings.maxReviewsPerDay - graded.reviews)),
      }),
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
  const fresh = await newCardsFor(prisma, limit - started.length, learner, {
    firstPage,
    byDeck: graded.byDeck,
  });
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
