/**
 * The trash page's read. Reading the trash first purges what has been there too long (a bounded
 * batch), so the list never shows a deck past its date.
 */
import type { Db } from "@/app/lib/database/client";
import { manageableDeckWhere, type DeckAccessor } from "@/app/lib/auth/deck-access";
import { purgeExpiredDecks } from "@/app/lib/decks/deck-trash";
import { trashExpiresAt } from "@/app/lib/decks/trash-policy";

export interface TrashRow {
  id: string;
  slug: string;
  title: string;
  /** Where the deck came from (`content/x.md`, `browser:...`, `anki:...`). */
  sourcePath: string | null;
  deletedAt: Date;
  /** When it is purged unless restored. */
  expiresAt: Date;
  cardCount: number;
  reviewCount: number;
}

/** Decks listed at most; more is unlikely, and the oldest are purged first anyway. */
export const trashPageSize = 100;

/**
 * The decks in the learner's trash, most recently deleted first, with what deleting them for good
 * loses: only decks they may restore (canManageDeck), so with accounts on their own and never a
 * shared deck, and in single-user mode every deck as before.
 */
export async function getTrashWith(prisma: Db, now: Date, accessor: DeckAccessor): Promise<TrashRow[]> {
  const { userId } = accessor;
  await purgeExpiredDecks(prisma, now);
  const decks = await prisma.deck.findMany({
    where: { deletedAt: { not: null }, ...manageableDeckWhere(accessor) },
    orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
    take: trashPageSize,
    select: { id: true, slug: true, title: true, sourcePath: true, deletedAt: true },
  });
  const ids = decks.map((deck) => deck.id);
  const [cards, reviews] = await Promise.all([
    prisma.card.groupBy({ by: ["deckId"], where: { deckId: { in: ids } }, _count: { _all: true } }),
    Promise.all(ids.map((deckId) => prisma.reviewLog.count({ where: { userId, card: { deckId } } }))),
  ]);
  const cardCounts = new Map(cards.map((row) => [row.deckId, row._count._all]));
  return decks.map((deck, index) => {
    const deletedAt = deck.deletedAt ?? now;
    return {
      ...deck,
      deletedAt,
      expiresAt: trashExpiresAt(deletedAt),
      cardCount: cardCounts.get(deck.id) ?? 0,
      reviewCount: reviews[index] ?? 0,
    };
  });
}

/** A deck in the learner's trash (the home page's "Restore" notice after deleting it), or null. */
export async function getTrashedDeckWith(prisma: Db, slug: string, accessor: DeckAccessor) {
  return prisma.deck.findFirst({
    where: { slug, deletedAt: { not: null }, ...manageableDeckWhere(accessor) },
    select: { id: true, slug: true, title: true },
  });
}
