/** Reviews per study day over a grid of days, counted by the database. */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import { dayFigures } from "@/app/lib/stats/activity";
import { dayPeriods, type DayGrid } from "@/app/lib/stats/days";
import type { ReviewDayRow } from "@/app/lib/stats/types";
import { asNumber, dayIndexSql, hourColumns, parameters, toNumbers, type Query } from "./hour-sql";

/** Anki's line between young and mature cards: an interval of 21 days. */
export const matureDays = 21;

export interface StatsScope {
  userId: string;
  /** One deck, or all of the learner's decks when null. */
  deckId: string | null;
}

/**
 * One row per study day of `grid` with reviews. Uses the (userId, review) index; with a deck, each
 * review's card is looked up by its key.
 */
export async function getReviewDaysWith(
  { prisma, provider }: { prisma: Db; provider: Provider },
  scope: StatsScope,
  grid: DayGrid,
): Promise<ReviewDayRow[]> {
  const { sql, params } = reviewDaysQuery(provider, scope, grid);
  return toNumbers<ReviewDayRow>(await prisma.$queryRawUnsafe(sql, ...params));
}

/** The query behind getReviewDaysWith (the benchmark prints its plan): by hour inside, by day outside. */
export function reviewDaysQuery(provider: Provider, scope: StatsScope, grid: DayGrid): Query {
  const { params, add } = parameters(provider);
  const hour = hourColumns(provider, `r."review"`, add, grid.alignSeconds);
  const count = (condition: string) => asNumber(provider, `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const review = `r."state" = 2`;
  const young = `${review} AND r."scheduled_days" < ${matureDays}`;
  const mature = `${review} AND r."scheduled_days" >= ${matureDays}`;
  const deckJoin = scope.deckId
    ? `JOIN "Card" c ON c."id" = r."cardId" AND c."deckId" = ${add(scope.deckId)}`
    : "";
  const inner = `SELECT ${hour.select},
      ${asNumber(provider, "COUNT(*)")} AS "reviews",
      ${asNumber(provider, `COALESCE(SUM(r."durationMs"), 0)`)} AS "durationMs",
      ${count(`r."rating" = 1`)} AS "again",
      ${count(`r."rating" = 2`)} AS "hard",
      ${count(`r."rating" = 3`)} AS "good",
      ${count(`r."rating" = 4`)} AS "easy",
      ${count(`${young} AND r."rating" > 1`)} AS "youngPass",
      ${count(`${young} AND r."rating" = 1`)} AS "youngFail",
      ${count(`${mature} AND r."rating" > 1`)} AS "maturePass",
      ${count(`${mature} AND r."rating" = 1`)} AS "matureFail"
    FROM "ReviewLog" r ${deckJoin}
    WHERE r."userId" = ${add(scope.userId)}
      AND r."review" >= ${add(new Date(grid.starts[0] ?? 0))} AND r."review" < ${add(new Date(grid.end))}
    GROUP BY ${hour.groupBy}`;
  const sums = dayFigures.map((name) => `${asNumber(provider, `SUM(h."${name}")`)} AS "${name}"`).join(", ");
  const sql = `SELECT ${dayIndexSql(provider, hour.hour, dayPeriods(grid), -1)} AS "day", ${sums}
    FROM (${inner}) h GROUP BY 1`;
  return { sql, params };
}
