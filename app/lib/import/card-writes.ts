import type { Prisma } from "@/app/lib/generated/sqlite/client";
import type { CardPlan } from "./card-diff";

type Tx = Prisma.TransactionClient;

// Small enough for SQLite's and PostgreSQL's bound-parameter limits (about 8 columns per card).
const batchSize = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows written per kind of change. */
export interface CardWriteCounts {
  created: number;
  updated: number;
  retired: number;
}

/**
 * Applies a {@link CardPlan} inside the caller's transaction: new cards in batches, changed cards
 * one by one (each has its own values), retirements in batches. Returns the rows each step wrote.
 */
export async function writeCards(tx: Tx, deckId: string, plan: CardPlan, now: Date): Promise<CardWriteCounts> {
  let created = 0;
  for (const batch of chunks(plan.create, batchSize)) {
    const result = await tx.card.createMany({ data: batch.map((fields) => ({ ...fields, deckId })) });
    created += result.count;
  }
  for (const { id, fields } of plan.update) {
    // retiredAt: null brings a retired card back with its history (states and logs hang off its id).
    await tx.card.update({ where: { id }, data: { ...fields, retiredAt: null }, select: { id: true } });
  }
  let retired = 0;
  for (const batch of chunks(plan.retire, batchSize)) {
    const result = await tx.card.updateMany({
      where: { id: { in: batch }, retiredAt: null },
      data: { retiredAt: now },
    });
    retired += result.count;
  }
  return { created, updated: plan.update.length, retired };
}
