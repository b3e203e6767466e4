/** Reviews per hour of the learner's clock over a window, counted by the database. */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import type { ReviewHourRow } from "@/app/lib/stats/types";
import { asNumber, hourColumns, parameters, toHourRows, type Query } from "./hour-sql";

/** Anki's line between young and mature cards: an interval of 21 days. */
export const matureDays = 21;

export interface StatsScope {
  userId: string;
  /** One deck, or all of the learner's decks when null. */
  deckId: string | null;
}

/**
 * Hour rows of the learner's reviews made in [from, to). Uses the (userId, review) index; with a
 * deck, each review's card is looked up by its key.
 */
export async function getReviewHoursWith(
  { prisma, provider }: { prisma: Db; provider: Provider },
  scope: StatsScope,
  from: Date,
  to: Date,
  alignSeconds: number,
): Promise<ReviewHourRow[]> {
  const { sql, params } = reviewHoursQuery(provider, scope, from, to, alignSeconds);
  return toHourRows<ReviewHourRow>(await prisma.$queryRawUnsafe(sql, ...params));
}

/** The query behind getReviewHoursWith (the benchmark prints its plan). */
export function reviewHoursQuery(
  provider: Provider,
  scope: StatsScope,
  from: Date,
  to: Date,
  alignSeconds: number,
): Query {
  const { params, add } = parameters(provider);
  const hour = hourColumns(provider, `r."review"`, add, alignSeconds);
  const count = (condition: string) => asNumber(provider, `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const review = `r."state" = 2`;
  const young = `${review} AND r."scheduled_days" < ${matureDays}`;
  const mature = `${review} AND r."scheduled_days" >= ${matureDays}`;
  const deckJoin = scope.deckId
    ? `JOIN "Card" c ON c."id" = r."cardId" AND c."deckId" = ${add(scope.deckId)}`
    : "";
  const sql = `SELECT ${hour.select},
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
    WHERE r."userId" = ${add(scope.userId)} AND r."review" >= ${add(from)} AND r."review" < ${add(to)}
    GROUP BY ${hour.groupBy}`;
  return { sql, params };
}
