/**
 * Study all: one queue over every deck's cards for the learner, read a batch at a time so a learner
 * with a thousand decks and 50,000 due cards never loads them all into one page. Decks in the trash
 * or whose file is gone, and retired cards, are left out.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { resolveDeckSettings, schedulingOptionsOf, studyDay, type LearnerSettings } from "@/app/lib/settings";
import { dailyAllowance } from "@/app/lib/study/daily-limits";
import type { StudyCard, StudyQueueData } from "@/app/lib/study/types";
import { studyable } from "./card-marks";
import { gradedToday } from "./deck-counts";
import { studiedCardsWhere } from "./quiz-mode";
import { getDecksOverridesWith, getLearnerSettingsWith } from "./settings-read";
import { reshapeStudyCard } from "./study-queue-read";

/** Cards in one batch: enough for a long sitting, few enough to render on the server in one go. */
export const studyAllBatch = 500;
/** Decks looked at per query when gathering new cards. */
const decksPerScan = 200;

/** Decks the learner can see (shared, or their own) that are neither in the trash nor missing. */
const activeDeck = (userId: string) => ({ deletedAt: null, missingAt: null, ...visibleDeckWhere(userId) });
const deckFields = { select: { slug: true, title: true } } as const;

/**
 * Started cards the learner is due to see today: learning ones (any time), reviews due before the
 * study day ends; not suspended nor buried.
 */
function dueStates(userId: string, now: Date, dayEnd: Date, reversedDeckIds: string[]) {
  return {
    userId,
    card: {
      retiredAt: null,
      deck: activeDeck(userId),
      ...studyable(userId, now),
      ...studiedCardsWhere(reversedDeckIds),
    },
    OR: [{ state: { in: [1, 3] } }, { state: 2, due: { lt: dayEnd } }],
  };
}

/**
 * The learner's settings, the bounds of their study day around `now`, and the decks they study
 * both ways (only those decks' reverse cards are studied).
 */
async function learnerDay(prisma: Db, userId: string, now: Date) {
  const [{ settings }, reversed] = await Promise.all([
    getLearnerSettingsWith(prisma, userId),
    prisma.deckSettings.findMany({ where: { userId, studyReversed: true }, select: { deckId: true } }),
  ]);
  return {
    settings,
    day: studyDay(now, settings.timeZone, settings.dayStartHour),
    reversedDeckIds: reversed.map((row) => row.deckId),
  };
}

/**
 * Due cards counted at most: counting 50,000 through their card and deck took 150 ms, on every
 * page for the header, where "more than 10,000" says as much.
 */
export const dueCountCap = 10_000;

/**
 * Learning and review cards due today across all active decks (the header's "Study all (N due)"),
 * counted up to `cap`: more than that reads as `cap + 1`.
 */
export async function countDueAllWith(
  prisma: Db,
  now: Date,
  { userId, cap = dueCountCap }: { userId: string; cap?: number },
): Promise<number> {
  const { day, reversedDeckIds } = await learnerDay(prisma, userId, now);
  return prisma.cardState.count({ where: dueStates(userId, now, day.end, reversedDeckIds), take: cap + 1 });
}

interface LearnerDay {
  settings: LearnerSettings;
  day: { start: Date; end: Date };
  reversedDeckIds: string[];
}

/**
 * New cards each deck may still start today: its unstarted cards, up to the deck's daily allowance
 * (its overrides over the learner's settings: the same rule as the deck's own study page).
 */
async function newAllowances(prisma: Db, deckIds: string[], now: Date, userId: string, learner: LearnerDay) {
  const [unstarted, graded, overrides] = await Promise.all([
    prisma.card.groupBy({
      by: ["deckId"],
      where: {
        deckId: { in: deckIds },
        retiredAt: null,
        states: { none: { userId } },
        ...studyable(userId, now),
      },
      _count: { _all: true },
    }),
    gradedToday(prisma, userId, learner.day.start, deckIds),
    getDecksOverridesWith(prisma, userId, deckIds),
  ]);
  const allowances = new Map<string, number>();
  for (const row of unstarted) {
    const settings = resolveDeckSettings(learner.settings, overrides.get(row.deckId) ?? null);
    const { newRemaining } = dailyAllowance(settings, graded.get(row.deckId) ?? []);
    const allowance = Math.min(row._count._all, newRemaining);
    if (allowance > 0) allowances.set(row.deckId, allowance);
  }
  return allowances;
}

/**
 * New cards for `room` places, deck by deck in title order (each deck's in file order), within each
 * deck's allowance. Stops looking at decks once the room is filled.
 */
async function newCardsFor(
  prisma: Db,
  room: number,
  now: Date,
  userId: string,
  learner: LearnerDay,
): Promise<StudyCard[]> {
  const cards: StudyCard[] = [];
  let after: string | undefined;
  while (room > 0) {
    const decks = await prisma.deck.findMany({
      where: activeDeck(userId),
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: decksPerScan,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: { id: true, slug: true, title: true },
    });
    if (decks.length === 0) break;
    const allowances = await newAllowances(
      prisma,
      decks.map((deck) => deck.id),
      now,
      userId,
      learner,
    );
    const plan: { deck: (typeof decks)[number]; take: number }[] = [];
    for (const deck of decks) {
      const take = Math.min(allowances.get(deck.id) ?? 0, room);
      if (take === 0) continue;
      plan.push({ deck, take });
      room -= take;
    }
    const rows = await Promise.all(
      plan.map(({ deck, take }) =>
        prisma.card.findMany({
          where: {
            deckId: deck.id,
            retiredAt: null,
            states: { none: { userId } },
            ...studyable(userId, now),
          },
          orderBy: { position: "asc" },
          take,
        }),
      ),
    );
    plan.forEach(({ deck }, index) => {
      for (const row of rows[index] ?? [])
        cards.push({ ...reshapeStudyCard(row, undefined), deck: { slug: deck.slug, title: deck.title } });
    });
    if (decks.length < decksPerScan) break;
    after = decks.at(-1)!.id;
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
  const where = dueStates(userId, now, learner.day.end, learner.reversedDeckIds);
  const [states, dueTotal, reviewedToday] = await Promise.all([
    prisma.cardState.findMany({
      where,
      // By due alone, the (userId, due) index's order: a tie-break column made the database sort
      // every due card (1.1 s for 50,000 on SQLite) to return the first 500.
      orderBy: { due: "asc" },
      take: limit,
      include: { card: { include: { deck: deckFields } } },
    }),
    countDueAllWith(prisma, now, { userId }),
    prisma.reviewLog.count({ where: { userId, state: 2, review: { gte: learner.day.start } } }),
  ]);
  // The learner's maximum reviews a day holds across all decks together; learning cards are not limited.
  let reviewsLeft = Math.max(0, learner.settings.maxReviewsPerDay - reviewedToday);
  const withinLimit = states.filter((state) => state.state !== 2 || reviewsLeft-- > 0);
  const started = withinLimit.map(({ card, ...state }) => ({
    ...reshapeStudyCard(card, state),
    deck: { slug: card.deck.slug, title: card.deck.title },
  }));
  const fresh = await newCardsFor(prisma, limit - started.length, now, userId, learner);
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
