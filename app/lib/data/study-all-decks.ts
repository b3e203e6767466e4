/**
 * Study all's pages of decks: the decks a learner can see and study (not in the trash, file not
 * missing), in title order, each with the learner's overrides for it, in one query. Prisma took two
 * rounds for these (the decks, then their DeckSettings rows).
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import type { DeckOverrides } from "@/app/lib/settings";
import { reshapeOverrides } from "./settings-read";
import { runQueueQuery } from "./queue-sql";
import { parameters, type Query } from "./stats/hour-sql";

/** Where a page starts: after this deck in title order (ties broken by id). */
export interface DeckPageCursor {
  title: string;
  id: string;
}

export interface StudyAllDeck {
  id: string;
  slug: string;
  title: string;
  overrides: DeckOverrides;
}

/** The `take` decks after `after` (from the first when absent), with the learner's overrides. */
export function studyAllDecksQuery(
  provider: Provider,
  userId: string,
  take: number,
  after: DeckPageCursor | undefined,
): Query {
  const { params, add } = parameters(provider);
  // Placeholders in the order they appear: SQLite's `?` are positional.
  const overrides = `LEFT JOIN "DeckSettings" o ON o."userId" = ${add(userId)} AND o."deckId" = d."id"`;
  const visible = `d."deletedAt" IS NULL AND d."missingAt" IS NULL AND (d."ownerId" IS NULL OR d."ownerId" = ${add(userId)})`;
  const page = after
    ? ` AND (d."title" > ${add(after.title)} OR (d."title" = ${add(after.title)} AND d."id" > ${add(after.id)}))`
    : "";
  const sql = `SELECT d."id", d."slug", d."title", o."newPerDay", o."maxReviewsPerDay", o."desiredRetention",
      o."learningSteps", o."relearningSteps"
    FROM "Deck" d ${overrides}
    WHERE ${visible}${page}
    ORDER BY d."title", d."id" LIMIT ${add(take)}`;
  return { sql, params };
}

interface Row {
  id: string;
  slug: string;
  title: string;
  newPerDay: unknown;
  maxReviewsPerDay: unknown;
  desiredRetention: unknown;
  learningSteps: string | null;
  relearningSteps: string | null;
}

/** SQLite hands back integers as bigint; PostgreSQL, typed columns. */
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export async function getStudyAllDecksWith(
  prisma: Db,
  userId: string,
  take: number,
  after: DeckPageCursor | undefined,
): Promise<StudyAllDeck[]> {
  const rows = await runQueueQuery<Row>(prisma, (provider) =>
    studyAllDecksQuery(provider, userId, take, after),
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    overrides: reshapeOverrides({
      newPerDay: numberOrNull(row.newPerDay),
      maxReviewsPerDay: numberOrNull(row.maxReviewsPerDay),
      desiredRetention: numberOrNull(row.desiredRetention),
      learningSteps: row.learningSteps,
      relearningSteps: row.relearningSteps,
    }),
  }));
}
