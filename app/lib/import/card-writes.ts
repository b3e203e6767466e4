import type { Prisma } from "@/app/lib/generated/sqlite/client";
import type { CardPlan } from "./card-diff";
import { insertCards, updateCards, type Dialect } from "./card-sql";

type Tx = Prisma.TransactionClient;

// 500 cards x 11 values stays well under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits.
const batchSize = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Which SQL the client speaks. Prisma keeps it on the client (and on transaction clients, which
 * wrap it) as `_activeProvider`; the two-provider import tests fail if that ever stops being true.
 */
export function dialectOf(client: Tx): Dialect {
  const provider = (client as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`Cannot import cards with Prisma provider "${String(provider)}"`);
}

/** Rows written per kind of change. */
export interface CardWriteCounts {
  created: number;
  updated: number;
  retired: number;
}

/**
 * Applies a {@link CardPlan} inside the caller's transaction, in batches: multi-row inserts for new
 * cards, multi-row updates for changed ones, one updateMany per batch of retired ids.
 */
export async function writeCards(
  tx: Tx,
  deckId: string,
  plan: CardPlan,
  now: Date,
): Promise<CardWriteCounts> {
  const dialect = dialectOf(tx);
  let created = 0;
  for (const batch of chunks(plan.create, batchSize)) {
    const { sql, params } = insertCards(dialect, deckId, batch, now);
    created += await tx.$executeRawUnsafe(sql, ...params);
  }
  let updated = 0;
  for (const batch of chunks(plan.update, batchSize)) {
    const { sql, params } = updateCards(dialect, batch, now);
    updated += await tx.$executeRawUnsafe(sql, ...params);
  }
  let retired = 0;
  for (const batch of chunks(plan.retire, batchSize)) {
    const result = await tx.card.updateMany({
      where: { id: { in: batch }, retiredAt: null },
      data: { retiredAt: now },
    });
    retired += result.count;
  }
  return { created, updated, retired };
}
