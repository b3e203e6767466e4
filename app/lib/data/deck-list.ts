/**
 * Decks in title order, one page at a time. A restored backup can hold a million decks: nothing
 * here reads more than a page of them (plus a count).
 */
import type { Db } from "@/app/lib/database/client";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { toPage, type PageCursor, type PageLinks } from "./keyset";

export const decksPerPage = 50;

/**
 * Decks counted at most: an exact count of a million rows took 0.2 s warm and 2 s cold on
 * PostgreSQL, for a figure nobody reads more precisely than "more than 10,000".
 */
export const deckCountCap = 10_000;

export interface DeckListRow {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  lastError: string | null;
  /** Set when the deck's file is gone from the notes folder (retired from study). */
  missingAt: Date | null;
}

export interface DeckListPage {
  decks: DeckListRow[];
  /** All decks, on every page, counted up to {@link deckCountCap}. */
  total: number;
  /** True when there are more decks than `total`. */
  totalCapped: boolean;
  links: PageLinks;
}

const select = {
  id: true,
  slug: true,
  title: true,
  description: true,
  lastError: true,
  missingAt: true,
} as const;

/**
 * The decks `userId` sees in the list: shared ones and their own, none in the trash (those are
 * listed only on the trash page).
 */
function listed(userId: string): Prisma.DeckWhereInput {
  return { deletedAt: null, ...visibleDeckWhere(userId) };
}

/** The page of `userId`'s decks (by title, then id) after or before `cursor`'s deck, or the first page. */
export async function getDeckListPageWith(
  prisma: Db,
  userId: string,
  cursor: PageCursor = {},
  { limit = decksPerPage, countCap = deckCountCap } = {},
): Promise<DeckListPage> {
  const anchorId = cursor.before ?? cursor.after;
  // A cursor naming a deck the learner cannot see reads as the first page, like a malformed one.
  const anchor = anchorId
    ? await prisma.deck.findFirst({
        where: { id: anchorId, ...visibleDeckWhere(userId) },
        select: { id: true, title: true },
      })
    : null;
  const backwards = Boolean(cursor.before && anchor);
  // `title >= t` bounds the index range; the OR only drops the anchor's equal-titled predecessors.
  // AND keeps it apart from the visibility filter's own OR.
  const range: Prisma.DeckWhereInput = !anchor
    ? {}
    : backwards
      ? { title: { lte: anchor.title }, OR: [{ title: { lt: anchor.title } }, { id: { lt: anchor.id } }] }
      : { title: { gte: anchor.title }, OR: [{ title: { gt: anchor.title } }, { id: { gt: anchor.id } }] };
  const where: Prisma.DeckWhereInput = { AND: [listed(userId), range] };
  const direction = backwards ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    prisma.deck.findMany({
      where,
      orderBy: [{ title: direction }, { id: direction }],
      take: limit + 1,
      select,
    }),
    prisma.deck.count({ where: listed(userId), take: countCap + 1 }),
  ]);
  const page = toPage(rows, limit, { backwards, fromCursor: anchor !== null });
  return {
    decks: page.rows,
    total: Math.min(total, countCap),
    totalCapped: total > countCap,
    links: page.links,
  };
}
