/**
 * Deck reads with the Prisma client passed in (tests use real databases); app/lib/data/decks.ts
 * binds them to the app's client.
 */
import type { Db } from "@/app/lib/database/client";
import type { Schedule } from "@/app/lib/scheduler";
import { localUserId } from "@/app/lib/actions/grading";
import { endOfDay, startOfDay } from "@/app/lib/study/queue";
import { newCardsPerDay } from "@/app/lib/study/limits";
import { parseContext, reshapeSchedule } from "./mappers";

export interface DeckSummary {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  cardCount: number;
  counts: { new: number; learning: number; due: number };
  lastStudied: Date | null;
  lastError: string | null;
}

export interface DeckCardRow {
  id: string;
  kind: string;
  front: string;
  back: string;
  context: string[];
  line: number;
  schedule: Schedule | null;
}

export interface DeckDetail extends DeckSummary {
  sourcePath: string | null;
  cards: DeckCardRow[];
}

/** New cards first graded today in each deck (they use up the day's allowance). */
async function newGradedToday(prisma: Db, userId: string, now: Date, deckId?: string) {
  const logs = await prisma.reviewLog.findMany({
    where: { userId, state: 0, review: { gte: startOfDay(now) }, ...(deckId ? { card: { deckId } } : {}) },
    select: { card: { select: { deckId: true } } },
  });
  const byDeck = new Map<string, number>();
  for (const log of logs) byDeck.set(log.card.deckId, (byDeck.get(log.card.deckId) ?? 0) + 1);
  return byDeck;
}

/** The day's new allowance left after what was started today. */
export function newRemaining(startedToday: number): number {
  return Math.max(0, newCardsPerDay - startedToday);
}

function countStates(
  states: { state: number; due: Date }[],
  activeCards: number,
  startedToday: number,
  now: Date,
): DeckSummary["counts"] {
  const dayEnd = endOfDay(now).getTime();
  let learning = 0;
  let due = 0;
  let started = 0;
  for (const state of states) {
    if (state.state === 0) continue;
    started++;
    if (state.state === 1 || state.state === 3) {
      if (state.due.getTime() <= now.getTime()) learning++;
    } else if (state.due.getTime() < dayEnd) due++;
  }
  return { new: Math.min(activeCards - started, newRemaining(startedToday)), learning, due };
}

export async function getDeckSummariesWith(
  prisma: Db,
  now: Date,
  userId = localUserId,
): Promise<DeckSummary[]> {
  const [decks, cardCounts, states, startedToday] = await Promise.all([
    prisma.deck.findMany({ orderBy: { title: "asc" } }),
    prisma.card.groupBy({ by: ["deckId"], where: { retiredAt: null }, _count: { _all: true } }),
    prisma.cardState.findMany({
      where: { userId, card: { retiredAt: null } },
      select: { state: true, due: true, card: { select: { deckId: true } } },
    }),
    newGradedToday(prisma, userId, now),
  ]);
  const lastStudied = await Promise.all(
    decks.map((deck) =>
      prisma.reviewLog.findFirst({
        where: { userId, card: { deckId: deck.id } },
        orderBy: { review: "desc" },
        select: { review: true },
      }),
    ),
  );
  return decks.map((deck, index) => {
    const cardCount = cardCounts.find((row) => row.deckId === deck.id)?._count._all ?? 0;
    const deckStates = states.filter((state) => state.card.deckId === deck.id);
    return {
      id: deck.id,
      slug: deck.slug,
      title: deck.title,
      description: deck.description,
      cardCount,
      counts: countStates(deckStates, cardCount, startedToday.get(deck.id) ?? 0, now),
      lastStudied: lastStudied[index]?.review ?? null,
      lastError: deck.lastError,
    };
  });
}

export async function getDeckDetailWith(
  prisma: Db,
  slug: string,
  now: Date,
  userId = localUserId,
): Promise<DeckDetail | null> {
  const deck = await prisma.deck.findUnique({ where: { slug } });
  if (!deck) return null;
  const [cards, startedToday, last] = await Promise.all([
    prisma.card.findMany({
      where: { deckId: deck.id, retiredAt: null },
      orderBy: { position: "asc" },
      include: { states: { where: { userId } } },
    }),
    newGradedToday(prisma, userId, now, deck.id),
    prisma.reviewLog.findFirst({
      where: { userId, card: { deckId: deck.id } },
      orderBy: { review: "desc" },
      select: { review: true },
    }),
  ]);
  const rows: DeckCardRow[] = cards.map((card) => {
    const state = card.states[0];
    return {
      id: card.id,
      kind: card.kind,
      front: card.front,
      back: card.back,
      context: parseContext(card.context),
      line: card.line,
      schedule: state ? reshapeSchedule(state) : null,
    };
  });
  const states = cards.flatMap((card) => card.states);
  return {
    id: deck.id,
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    sourcePath: deck.sourcePath,
    lastError: deck.lastError,
    cardCount: cards.length,
    counts: countStates(states, cards.length, startedToday.get(deck.id) ?? 0, now),
    lastStudied: last?.review ?? null,
    cards: rows,
  };
}
