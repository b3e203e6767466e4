/**
 * Deck reads with the Prisma client passed in (tests use real databases); app/lib/data/decks.ts
 * binds them to the app's client. Lists come a page at a time (deck-list.ts, deck-cards.ts).
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { getDeckFiguresWith, type DeckFigures } from "./deck-counts";
import { getDeckListPageWith, type DeckListRow } from "./deck-list";
import type { PageCursor, PageLinks } from "./keyset";

export type { DeckCardRow, DeckCardsPage } from "./deck-cards";

export interface DeckSummary extends DeckListRow, DeckFigures {}

export interface DeckSummaryPage {
  decks: DeckSummary[];
  /** All decks, on every page, counted up to a cap (deck-list.ts). */
  total: number;
  totalCapped: boolean;
  links: PageLinks;
}

export interface DeckDetail extends DeckSummary {
  sourcePath: string | null;
  /** Null for a shared deck from the notes folder; else the learner whose deck it is. */
  ownerId: string | null;
  /** Active cards tagged a leech. */
  leechCount: number;
  /** Set while the deck is in the trash. */
  deletedAt: Date | null;
  /** The learner's grades of this deck's cards: what deleting it for good would lose. */
  reviewCount: number;
}

const noFigures: DeckFigures = { cardCount: 0, counts: { new: 0, learning: 0, due: 0 }, lastStudied: null };

/** A page of the decks `userId` sees (home page) with today's new / learning / due counts for them. */
export async function getDeckSummariesWith(
  prisma: Db,
  now: Date,
  cursor: PageCursor,
  userId: string,
): Promise<DeckSummaryPage> {
  const page = await getDeckListPageWith(prisma, userId, cursor);
  // A deck whose file is gone is listed (so it can be found) but counts nothing for study.
  const figures = await getDeckFiguresWith(
    prisma,
    page.decks.filter((deck) => deck.missingAt === null).map((deck) => deck.id),
    now,
    userId,
  );
  return {
    decks: page.decks.map((deck) => ({ ...deck, ...(figures.get(deck.id) ?? noFigures) })),
    total: page.total,
    totalCapped: page.totalCapped,
    links: page.links,
  };
}

/**
 * One deck with `userId`'s counts (deck page), or null when there is none they may see; its cards
 * come a page at a time from deck-cards.ts.
 */
export async function getDeckDetailWith(
  prisma: Db,
  slug: string,
  now: Date,
  userId: string,
): Promise<DeckDetail | null> {
  const deck = await prisma.deck.findFirst({
    where: { slug, ...visibleDeckWhere(userId) },
    select: {
      ownerId: true,
      id: true,
      slug: true,
      title: true,
      description: true,
      lastError: true,
      sourcePath: true,
      missingAt: true,
      deletedAt: true,
    },
  });
  if (!deck) return null;
  const studyable = deck.missingAt === null && deck.deletedAt === null;
  const [figures, reviewCount, leechCount] = await Promise.all([
    getDeckFiguresWith(prisma, [deck.id], now, userId),
    prisma.reviewLog.count({ where: { userId, card: { deckId: deck.id } } }),
    prisma.cardMark.count({
      where: { userId, leechAt: { not: null }, card: { deckId: deck.id, retiredAt: null } },
    }),
  ]);
  const deckFigures = figures.get(deck.id) ?? noFigures;
  // Hidden from study, yet its cards are still listed on its page: keep the card count, no counts.
  return {
    ...deck,
    ...deckFigures,
    ...(studyable ? {} : { counts: noFigures.counts }),
    reviewCount,
    leechCount,
  };
}
