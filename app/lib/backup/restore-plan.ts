/**
 * Which of a backup's decks and cards a restore creates, and whose they become. A restore goes into
 * one learner (the viewer) and never writes another learner's rows or a shared deck's content:
 * - accounts off: the database is empty (as before accounts), every deck is created as it was, the
 *   learner's own decks owned by the learner restoring;
 * - accounts on: a deck of the backup that is already here as a shared (notes-folder) deck is kept as
 *   it is, and the learner's progress goes onto its cards that are still here; every other deck is
 *   created as the learner's own private deck (so a backup cannot add a deck to everyone's list), with
 *   a suffixed slug when another deck has its slug. A backup naming a deck, card, state or review id
 *   that another learner's row holds is refused whole.
 */
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { BackupError, type Backup } from "./schema";

type Tx = Prisma.TransactionClient;
type BackupDeck = Backup["decks"][number];
type BackupCard = Backup["cards"][number];

/** Who a restore writes for: the viewer's id, and whether accounts are on. */
export interface RestoreTarget {
  userId: string;
  accounts: boolean;
}

export interface RestorePlan {
  decks: (BackupDeck & { ownerId: string | null })[];
  cards: BackupCard[];
  /** Cards whose states, logs and marks are restored: those created, and shared ones still here. */
  cardIds: Set<string>;
  /** Decks whose options are restored: those created and the shared ones kept. */
  deckIds: Set<string>;
}

const lookupChunk = 500;

/** The ids among `ids` that `find` reports as stored, asked a chunk at a time. */
async function storedIds<T>(ids: string[], find: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += lookupChunk)
    found.push(...(await find(ids.slice(i, i + lookupChunk))));
  return found;
}

/** The deck's owner in the backup: a backup from before accounts names none, so guess as the migration did. */
function ownedInBackup(deck: BackupDeck): boolean {
  if (deck.ownerId !== undefined) return deck.ownerId !== null;
  return /^(browser|anki):/.test(deck.sourcePath ?? "");
}

const refusal = () =>
  new BackupError("The backup names decks, cards or reviews that are not yours here; nothing was restored.");

/** Refuses unless the target holds nothing a restore could merge into (see the module comment). */
export async function requireNothingToMerge(tx: Tx, target: RestoreTarget): Promise<void> {
  if (!target.accounts) {
    const [decks, cards, states, logs] = await Promise.all([
      tx.deck.count(),
      tx.card.count(),
      tx.cardState.count(),
      tx.reviewLog.count(),
    ]);
    if (decks + cards + states + logs > 0) {
      throw new BackupError(
        `Restore needs an empty database, but this one already has ${decks} decks, ${cards} cards, ` +
          `${states} card states and ${logs} review logs. Restore into a new database (DATABASE_URL) instead.`,
      );
    }
    return;
  }
  const { userId } = target;
  const [decks, states, logs] = await Promise.all([
    tx.deck.count({ where: { ownerId: userId } }),
    tx.cardState.count({ where: { userId } }),
    tx.reviewLog.count({ where: { userId } }),
  ]);
  if (decks + states + logs > 0) {
    throw new BackupError(
      `Restore needs an account with no decks or progress yet, but yours has ${decks} decks, ` +
        `${states} card states and ${logs} review logs. Restore into a new account instead.`,
    );
  }
}

/** A slug no deck here and no other deck of the restore has. */
async function freeSlug(tx: Tx, wanted: string, planned: Set<string>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    if (planned.has(candidate)) continue;
    if (!(await tx.deck.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

/** Decides what the restore writes; throws a {@link BackupError} when it would touch another's rows. */
export async function planRestore(tx: Tx, backup: Backup, target: RestoreTarget): Promise<RestorePlan> {
  const existingDecks = await storedIds(
    backup.decks.map((deck) => deck.id),
    (ids) => tx.deck.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true } }),
  );
  // The learner has no decks of their own (requireNothingToMerge): an owned deck is another's.
  if (existingDecks.some((deck) => deck.ownerId !== null)) throw refusal();
  const kept = new Set(existingDecks.map((deck) => deck.id));

  const existingCards = await storedIds(
    backup.cards.map((card) => card.id),
    (ids) => tx.card.findMany({ where: { id: { in: ids } }, select: { id: true, deckId: true } }),
  );
  const backupDeckOf = new Map(backup.cards.map((card) => [card.id, card.deckId]));
  if (existingCards.some((card) => !kept.has(card.deckId) || backupDeckOf.get(card.id) !== card.deckId))
    throw refusal();

  // Review and state ids are global keys; the learner has none yet, so any match is another's row.
  const taken = [
    ...(await storedIds(
      backup.cardStates.map((row) => row.id),
      (ids) => tx.cardState.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    )),
    ...(await storedIds(
      backup.reviewLogs.map((row) => row.id),
      (ids) => tx.reviewLog.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    )),
  ];
  if (taken.length > 0) throw refusal();

  const planned = new Set<string>();
  const decks: RestorePlan["decks"] = [];
  for (const deck of backup.decks) {
    if (kept.has(deck.id)) continue;
    const owned = target.accounts || ownedInBackup(deck);
    const slug = target.accounts ? await freeSlug(tx, deck.slug, planned) : deck.slug;
    planned.add(slug);
    decks.push({ ...deck, slug, ownerId: owned ? target.userId : null });
  }
  const created = new Set(decks.map((deck) => deck.id));
  const cards = backup.cards.filter((card) => created.has(card.deckId));
  const cardIds = new Set([...cards.map((card) => card.id), ...existingCards.map((card) => card.id)]);
  return { decks, cards, cardIds, deckIds: new Set([...created, ...kept]) };
}
