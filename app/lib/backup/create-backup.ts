import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import type { Db } from "@/app/lib/database/client";
import { BackupError, backupFormat, backupVersion, type Backup } from "./schema";

type Row = Record<string, unknown>;

/** The row with every Date turned into its ISO string, everything else as stored. */
function serialise<T extends Row>(row: T): Row {
  const out: Row = {};
  for (const [field, value] of Object.entries(row))
    out[field] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/**
 * One learner's complete data as a {@link Backup}: every deck they can see (their own and the shared
 * ones, with the markdown source) and its cards (retired ones included), and that learner's card
 * states, review logs, settings and marks, with their ids; nothing of another learner's. Rows are
 * ordered by id so two backups of the same data are equal. Throws a {@link BackupError} when the
 * learner does not exist.
 *
 * @example JSON.stringify(await createBackup(prisma, "local"))
 */
export async function createBackup(prisma: Db, userId: string, now: Date = new Date()): Promise<Backup> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new BackupError(`No learner with id "${userId}" to back up`);
    const [decks, cards, cardStates, reviewLogs, learnerSettings, deckSettings, cardMarks] =
      await Promise.all([
        tx.deck.findMany({ where: visibleDeckWhere(userId), orderBy: { id: "asc" } }),
        tx.card.findMany({ where: { deck: visibleDeckWhere(userId) }, orderBy: { id: "asc" } }),
        tx.cardState.findMany({ where: { userId }, orderBy: { id: "asc" } }),
        tx.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
        tx.learnerSettings.findMany({ where: { userId } }),
        tx.deckSettings.findMany({ where: { userId }, orderBy: { deckId: "asc" } }),
        tx.cardMark.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
      ]);
    return {
      format: backupFormat,
      version: backupVersion,
      createdAt: now.toISOString(),
      user: serialise(user),
      decks: decks.map(serialise),
      cards: cards.map(serialise),
      // A state's deckId is its card's (a copy the queue reads by): the format leaves it out.
      cardStates: cardStates.map(({ deckId: _deck, ...state }) => serialise(state)),
      reviewLogs: reviewLogs.map(serialise),
      learnerSettings: learnerSettings.map(serialise),
      deckSettings: deckSettings.map(serialise),
      cardMarks: cardMarks.map(serialise),
    } as Backup;
  });
}
