/**
 * The learner's cards now: how many in each state, when the started ones fall due (by hour, counted
 * by the database) and each started card's memory (three numbers a card, for the distributions).
 * Only active cards (not retired, deck not in the trash) of decks the learner may see count.
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { dayPeriods, type DayGrid } from "@/app/lib/stats/days";
import type { CardCounts, DueDayRow, MemoryRow } from "@/app/lib/stats/types";
import { asNumber, dayIndexSql, hourColumns, parameters, toNumbers, type Query } from "./hour-sql";
import type { StatsScope } from "./review-days";

function activeCards(scope: StatsScope): Prisma.CardWhereInput {
  return {
    retiredAt: null,
    deck: { deletedAt: null, ...visibleDeckWhere(scope.userId) },
    ...(scope.deckId ? { deckId: scope.deckId } : {}),
  };
}

/**
 * Cards by FSRS state (new = active cards with no state yet) and how many are suspended; as in
 * Anki, a suspended card counts as suspended only, whatever its state.
 */
export async function getCardCountsWith(prisma: Db, scope: StatsScope): Promise<CardCounts> {
  const card: Prisma.CardWhereInput = {
    ...activeCards(scope),
    marks: { none: { userId: scope.userId, suspendedAt: { not: null } } },
  };
  const [active, byState, suspended] = await Promise.all([
    prisma.card.count({ where: card }),
    prisma.cardState.groupBy({
      by: ["state"],
      where: { userId: scope.userId, card },
      _count: { _all: true },
    }),
    prisma.cardMark.count({
      where: { userId: scope.userId, card: activeCards(scope), suspendedAt: { not: null } },
    }),
  ]);
  const count = (state: number) => byState.find((row) => row.state === state)?._count._all ?? 0;
  const started = byState.reduce((total, row) => (row.state === 0 ? total : total + row._count._all), 0);
  return {
    new: active - started,
    learning: count(1),
    review: count(2),
    relearning: count(3),
    suspended,
  };
}

/**
 * The query behind getDueDaysWith: started, unsuspended cards of decks the learner may see, due
 * before the grid ends, by hour inside and by study day outside; overdue cards count on the first day.
 */
export function dueDaysQuery(provider: Provider, scope: StatsScope, grid: DayGrid): Query {
  const { params, add } = parameters(provider);
  const hour = hourColumns(provider, `s."due"`, add, grid.alignSeconds);
  const inner = `SELECT ${hour.select}, ${asNumber(provider, "COUNT(*)")} AS "due"
    FROM "CardState" s
    JOIN "Card" c ON c."id" = s."cardId" AND c."retiredAt" IS NULL
    JOIN "Deck" d ON d."id" = c."deckId" AND d."deletedAt" IS NULL
      AND (d."ownerId" IS NULL OR d."ownerId" = s."userId")
    WHERE s."userId" = ${add(scope.userId)} AND s."state" <> 0 AND s."due" < ${add(new Date(grid.end))}
      ${scope.deckId ? `AND c."deckId" = ${add(scope.deckId)}` : ""}
      AND NOT EXISTS (SELECT 1 FROM "CardMark" m
        WHERE m."userId" = s."userId" AND m."cardId" = s."cardId" AND m."suspendedAt" IS NOT NULL)
    GROUP BY ${hour.groupBy}`;
  const sql = `SELECT ${dayIndexSql(provider, hour.hour, dayPeriods(grid), 0)} AS "day",
      ${asNumber(provider, `SUM(h."due")`)} AS "due"
    FROM (${inner}) h GROUP BY 1`;
  return { sql, params };
}

/** Started cards due on each study day of `grid` (a forward grid from today). */
export async function getDueDaysWith(
  { prisma, provider }: { prisma: Db; provider: Provider },
  scope: StatsScope,
  grid: DayGrid,
): Promise<DueDayRow[]> {
  const { sql, params } = dueDaysQuery(provider, scope, grid);
  return toNumbers<DueDayRow>(await prisma.$queryRawUnsafe(sql, ...params));
}

/** Stability, difficulty and last review of every started active card. */
export async function getMemoryRowsWith(prisma: Db, scope: StatsScope): Promise<MemoryRow[]> {
  const rows = await prisma.cardState.findMany({
    where: { userId: scope.userId, state: { not: 0 }, card: activeCards(scope) },
    select: { stability: true, difficulty: true, last_review: true },
  });
  return rows.map((row) => ({
    stability: row.stability,
    difficulty: row.difficulty,
    lastReview: row.last_review,
  }));
}
