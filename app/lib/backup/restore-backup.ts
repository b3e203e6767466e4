import type { Db } from "@/app/lib/database/client";
import { planRestore, requireNothingToMerge, type RestoreTarget } from "./restore-plan";
import { BackupError, backupSchema, type Backup } from "./schema";

/** Rows per INSERT: well under PostgreSQL's 65,535 and SQLite's 32,766 bound parameters. */
const chunkSize = 500;

export interface RestoreCounts {
  decks: number;
  cards: number;
  cardStates: number;
  reviewLogs: number;
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) out.push(rows.slice(i, i + chunkSize));
  return out;
}

const date = (value: string): Date => new Date(value);
const maybeDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** Parses and validates a backup (a JSON string or an already parsed value). */
export function parseBackup(input: string | unknown): Backup {
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (cause) {
      throw new BackupError(`The backup is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new BackupError(`The backup is not a valid notecards backup (version 1): ${problems.join("; ")}`);
  }
  return parsed.data;
}

function checkReferences(backup: Backup): void {
  const deckIds = new Set(backup.decks.map((deck) => deck.id));
  const cardIds = new Set(backup.cards.map((card) => card.id));
  const missingDeck = backup.cards.find((card) => !deckIds.has(card.deckId));
  if (missingDeck)
    throw new BackupError(
      `Card ${missingDeck.id} names deck ${missingDeck.deckId}, which is not in the backup`,
    );
  for (const row of [...backup.learnerSettings, ...backup.deckSettings]) {
    if (row.userId !== backup.user.id)
      throw new BackupError(`Settings of learner ${row.userId} are in the backup of ${backup.user.id}`);
  }
  const missingDeckOptions = backup.deckSettings.find((row) => !deckIds.has(row.deckId));
  if (missingDeckOptions)
    throw new BackupError(`Options name deck ${missingDeckOptions.deckId}, which is not in the backup`);
  for (const row of backup.cardMarks) {
    if (row.userId !== backup.user.id || !cardIds.has(row.cardId))
      throw new BackupError(`A mark of card ${row.cardId} does not match the backup's learner or cards`);
  }
  for (const row of [...backup.cardStates, ...backup.reviewLogs]) {
    if (row.userId !== backup.user.id)
      throw new BackupError(`Row ${row.id} belongs to learner ${row.userId}, not ${backup.user.id}`);
    if (!cardIds.has(row.cardId))
      throw new BackupError(`Row ${row.id} names card ${row.cardId}, which is not in the backup`);
  }
}

/**
 * Restores a backup into one learner, `target` (the viewer), in one transaction: either everything
 * is restored with its original ids, timestamps and values, or nothing is. With accounts off the
 * database must be empty (the learner row itself may exist and is overwritten); with accounts on the
 * learner must have no decks or progress yet, and what is restored is planned so that no other
 * learner's row and no shared deck's content is written (restore-plan.ts). Every state, log, setting
 * and mark is restored as `target`'s, whatever learner the backup names. Refusals are
 * {@link BackupError}s, so two histories are never merged.
 */
export async function restoreBackup(
  prisma: Db,
  input: string | unknown,
  target: RestoreTarget,
): Promise<RestoreCounts> {
  const backup = parseBackup(input);
  checkReferences(backup);
  const userId = target.userId;
  return prisma.$transaction(
    async (tx) => {
      await requireNothingToMerge(tx, target);
      const plan = await planRestore(tx, backup, target);
      // With accounts on the account is the session's: its row is not the backup's to change.
      if (!target.accounts) {
        const { name, createdAt, updatedAt } = backup.user;
        const user = { name, createdAt: date(createdAt), updatedAt: maybeDate(updatedAt) };
        await tx.user.upsert({ where: { id: userId }, create: { id: userId, ...user }, update: user });
      }
      for (const chunk of chunks(plan.decks)) {
        await tx.deck.createMany({
          data: chunk.map((row) => ({
            ...row,
            deletedAt: maybeDate(row.deletedAt),
            missingAt: maybeDate(row.missingAt),
            createdAt: date(row.createdAt),
            updatedAt: date(row.updatedAt),
          })),
        });
      }
      for (const chunk of chunks(plan.cards)) {
        await tx.card.createMany({
          data: chunk.map((row) => ({
            ...row,
            retiredAt: maybeDate(row.retiredAt),
            createdAt: date(row.createdAt),
            updatedAt: date(row.updatedAt),
          })),
        });
      }
      const onCards = <T extends { cardId: string }>(rows: T[]) =>
        rows.filter((row) => plan.cardIds.has(row.cardId));
      const cardStates = onCards(backup.cardStates);
      // A state names its card's deck (the backup's cards name it; a kept card's is the same).
      const deckOfCard = new Map(backup.cards.map((card) => [card.id, card.deckId]));
      for (const chunk of chunks(cardStates)) {
        await tx.cardState.createMany({
          data: chunk.map((row) => ({
            ...row,
            userId,
            deckId: deckOfCard.get(row.cardId)!,
            due: date(row.due),
            last_review: maybeDate(row.last_review),
            updatedAt: date(row.updatedAt),
          })),
        });
      }
      const reviewLogs = onCards(backup.reviewLogs);
      for (const chunk of chunks(reviewLogs)) {
        await tx.reviewLog.createMany({
          data: chunk.map((row) => ({
            ...row,
            userId,
            due: date(row.due),
            review: date(row.review),
            createdAt: date(row.createdAt),
          })),
        });
      }
      for (const row of backup.learnerSettings) {
        const data = { ...row, userId, updatedAt: date(row.updatedAt) };
        await tx.learnerSettings.upsert({ where: { userId }, create: data, update: data });
      }
      const deckSettings = backup.deckSettings.filter((row) => plan.deckIds.has(row.deckId));
      for (const chunk of chunks(deckSettings)) {
        await tx.deckSettings.createMany({
          data: chunk.map((row) => ({ ...row, userId, updatedAt: date(row.updatedAt) })),
        });
      }
      for (const chunk of chunks(onCards(backup.cardMarks))) {
        await tx.cardMark.createMany({
          data: chunk.map((row) => ({
            ...row,
            userId,
            buriedUntil: maybeDate(row.buriedUntil),
            suspendedAt: maybeDate(row.suspendedAt),
            leechAt: maybeDate(row.leechAt),
            updatedAt: date(row.updatedAt),
          })),
        });
      }
      return {
        decks: plan.decks.length,
        cards: plan.cards.length,
        cardStates: cardStates.length,
        reviewLogs: reviewLogs.length,
      };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
