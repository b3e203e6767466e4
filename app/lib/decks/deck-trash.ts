/**
 * Decks in the trash: a deleted deck keeps its cards and history, hidden everywhere but the trash
 * page, until it is restored or purged (by hand, or {@link trashRetentionDays} days later). A deck from
 * the notes folder stays in the trash when its file is imported again: the import updates the deck
 * but never clears `deletedAt`.
 */
import { manageableDeckWhere, type DeckAccessor } from "@/app/lib/auth/deck-access";
import type { Db } from "@/app/lib/database/client";
import { purgeCutoff } from "./trash-policy";

/** A deck that is not where the call expected it (gone, or not in / already in the trash). */
export class DeckStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeckStateError";
  }
}

export interface TrashedDeck {
  id: string;
  slug: string;
  title: string;
}

const select = { id: true, slug: true, title: true } as const;

/*
 * Every call takes who is asking and puts canManageDeck into the statement that writes, so a deck the
 * learner may not manage is never touched, and is answered as one that does not exist (another
 * learner's private deck must not leak; a shared deck with accounts on is the notes folder's).
 */
const mine = (deckId: string, accessor: DeckAccessor) => ({ id: deckId, ...manageableDeckWhere(accessor) });

/** Moves a deck to the trash at `now`. Throws a {@link DeckStateError} when there is no such deck. */
export async function moveDeckToTrash(
  prisma: Db,
  deckId: string,
  now: Date,
  accessor: DeckAccessor,
): Promise<TrashedDeck> {
  // Deleting twice (a double click, a second tab) is not an error, and keeps the first date.
  await prisma.deck.updateMany({
    where: { ...mine(deckId, accessor), deletedAt: null },
    data: { deletedAt: now },
  });
  const deck = await prisma.deck.findFirst({ where: mine(deckId, accessor), select });
  if (!deck) throw new DeckStateError("This deck no longer exists.");
  return deck;
}

/** Takes a deck out of the trash, with its cards and history. */
export async function restoreDeck(prisma: Db, deckId: string, accessor: DeckAccessor): Promise<TrashedDeck> {
  await prisma.deck.updateMany({
    where: { ...mine(deckId, accessor), deletedAt: { not: null } },
    data: { deletedAt: null },
  });
  const deck = await prisma.deck.findFirst({ where: mine(deckId, accessor), select });
  if (!deck) throw new DeckStateError("This deck is no longer in the trash: it was deleted for good.");
  return deck;
}

/**
 * Deletes a deck in the trash for good: its cards, their states, review logs, marks and settings go
 * with it (cascades). A deck not in the trash is refused, so a stale form cannot destroy a live deck.
 */
export async function deleteDeckForever(
  prisma: Db,
  deckId: string,
  accessor: DeckAccessor,
): Promise<TrashedDeck> {
  const deck = await prisma.deck.findFirst({
    where: mine(deckId, accessor),
    select: { ...select, deletedAt: true },
  });
  if (!deck) throw new DeckStateError("This deck was already deleted for good.");
  if (!deck.deletedAt) throw new DeckStateError(`"${deck.title}" is not in the trash; delete it first.`);
  await prisma.deck.deleteMany({ where: { ...mine(deckId, accessor), deletedAt: { not: null } } });
  return { id: deck.id, slug: deck.slug, title: deck.title };
}

/** Decks purged per call: purging runs on page reads and imports, so each call stays small. */
export const purgeBatch = 20;

/**
 * Deletes for good the decks that have been in the trash longer than the retention, at most
 * `limit` per call (the rest go on the next call). Returns how many were purged.
 */
export async function purgeExpiredDecks(prisma: Db, now: Date, limit = purgeBatch): Promise<number> {
  const expired = await prisma.deck.findMany({
    where: { deletedAt: { lt: purgeCutoff(now) } },
    select: { id: true },
    take: limit,
  });
  if (expired.length === 0) return 0;
  const { count } = await prisma.deck.deleteMany({ where: { id: { in: expired.map((deck) => deck.id) } } });
  return count;
}
