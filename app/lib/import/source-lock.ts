/**
 * One writer at a time per deck source. Two imports of the same file at once (two app instances
 * starting together, each running `cards import`; the watcher and the CLI) would each find no deck
 * under READ COMMITTED and create one, the second under a suffixed slug: two decks for one file.
 * On PostgreSQL the import's transaction first takes an advisory lock on the source's identity, so
 * the second waits for the first to commit and then finds its deck. SQLite has one writer at a
 * time already (a transaction that loses the race to write is told the database is busy, and the
 * import tries again).
 */
import type { Db } from "@/app/lib/database/client";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { providerOfClient } from "@/app/lib/data/queue-sql";
import type { DeckOwner } from "./deck-identity";

/** The advisory lock class of deck sources (new-card-hint.ts holds 1106). */
const sourceLockClass = 1107;

export async function lockDeckSource(
  tx: Prisma.TransactionClient,
  sourcePath: string,
  ownerId: DeckOwner,
): Promise<void> {
  if (providerOfClient(tx as Db) !== "postgresql") return;
  // Held until the transaction ends; a hash collision only makes two unrelated imports take turns.
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock($1, hashtext($2))`,
    sourceLockClass,
    `${ownerId ?? ""}:${sourcePath}`,
  );
}
