/**
 * What one deck's study queue needs to know before it reads cards, in one query: the deck by its
 * slug, the learner's settings, their overrides and quiz mode for the deck, whether it has term
 * cards, and the learner's recent grades of the deck. Prisma took five queries in two rounds for
 * the first four (deck, then learner settings, deck settings twice and the term-card check), each a
 * round trip and its own client work; the grades were a query of their own until they came along
 * as a JSON array (one statement of five fewer for a queue build).
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import { resolveDeckSettings, type DeckStudySettings } from "@/app/lib/settings";
import { reverseKeySuffix, toQuizMode, type QuizSettings } from "@/app/lib/study/quiz-mode";
import { learnerSettingsOf, reshapeOverrides, type LearnerRow } from "./settings-read";
import { runQueueQuery, type GradedRow } from "./queue-sql";
import { parameters, type Query } from "./stats/hour-sql";

export interface StudyDeck {
  id: string;
  slug: string;
  title: string;
  sourcePath: string | null;
  deletedAt: unknown;
  missingAt: unknown;
  ownerId: string | null;
}

export interface StudyDeckContext {
  deck: StudyDeck;
  settings: DeckStudySettings;
  quiz: QuizSettings;
  /** The learner's grades of the deck since the time asked for, with their cards' notes. */
  recent: GradedRow[];
}

/**
 * The learner's grades of deck `d` since a time, as one JSON array (`[]` when none): a row of
 * queue-sql.ts gradedTodayQuery each. PostgreSQL gives each review as milliseconds since the epoch
 * (its JSON would write the column's time without a zone); SQLite as the ISO text it stores.
 */
function recentGradesColumn(
  provider: Provider,
  add: (value: unknown) => string,
  userId: string,
  since: Date,
) {
  const grades = `FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
      WHERE l."userId" = ${add(userId)} AND l."review" >= ${add(since)} AND c."deckId" = d."id"`;
  if (provider === "postgresql")
    return `(SELECT COALESCE(json_agg(json_build_object('cardId', l."cardId", 'state', l."state",
        'review', (extract(epoch FROM l."review") * 1000)::float8, 'deckId', c."deckId", 'line', c."line",
        'kind', c."kind")), '[]'::json) ${grades})`;
  return `(SELECT json_group_array(json_object('cardId', l."cardId", 'state', l."state", 'review', l."review",
      'deckId', c."deckId", 'line', c."line", 'kind', c."kind")) ${grades})`;
}

/**
 * The deck of `slug` with the learner's settings rows (null columns where they have none), a
 * term-card check, and the learner's grades of the deck since `gradesSince`. The check is of any
 * active term card's reverse card, as the quiz settings read it (quiz-mode.ts getQuizSettingsWith).
 */
export function studyDeckContextQuery(
  provider: Provider,
  userId: string,
  slug: string,
  gradesSince: Date,
): Query {
  const { params, add } = parameters(provider);
  // Placeholders in the order they appear: SQLite's `?` are positional.
  const sql = `SELECT d."id", d."slug", d."title", d."sourcePath", d."deletedAt", d."missingAt", d."ownerId",
      l."userId" AS "learnerRow", l."newPerDay", l."maxReviewsPerDay", l."desiredRetention",
      l."learningSteps", l."relearningSteps", l."dayStartHour", l."timeZone", l."burySiblings",
      l."leechThreshold", l."fsrsParameters",
      o."newPerDay" AS "deckNewPerDay", o."maxReviewsPerDay" AS "deckMaxReviewsPerDay",
      o."desiredRetention" AS "deckDesiredRetention", o."learningSteps" AS "deckLearningSteps",
      o."relearningSteps" AS "deckRelearningSteps", o."quizMode", o."studyReversed",
      EXISTS (SELECT 1 FROM "Card" t WHERE t."deckId" = d."id" AND t."retiredAt" IS NULL
        AND t."kind" = ${add("reversed")} AND t."key" LIKE ${add(`%${reverseKeySuffix}`)}) AS "hasTerms",
      ${recentGradesColumn(provider, add, userId, gradesSince)} AS "recent"
    FROM "Deck" d
    LEFT JOIN "LearnerSettings" l ON l."userId" = ${add(userId)}
    LEFT JOIN "DeckSettings" o ON o."userId" = ${add(userId)} AND o."deckId" = d."id"
    WHERE d."slug" = ${add(slug)}`;
  return { sql, params };
}

type Row = StudyDeck &
  Record<keyof LearnerRow, unknown> & {
    learnerRow: string | null;
    deckNewPerDay: unknown;
    deckMaxReviewsPerDay: unknown;
    deckDesiredRetention: unknown;
    deckLearningSteps: string | null;
    deckRelearningSteps: string | null;
    quizMode: string | null;
    studyReversed: unknown;
    hasTerms: unknown;
    recent: unknown;
  };

type RecentGrade = Omit<GradedRow, "review"> & { review: number | string };

/** The recent-grades column: parsed JSON on PostgreSQL, JSON text on SQLite. */
function recentGradesOf(column: unknown): GradedRow[] {
  const grades = (typeof column === "string" ? JSON.parse(column) : column) as RecentGrade[];
  return grades.map((grade) => ({
    cardId: grade.cardId,
    state: Number(grade.state),
    review: new Date(grade.review),
    deckId: grade.deckId,
    line: Number(grade.line),
    kind: grade.kind,
  }));
}

/** SQLite hands back integers as bigint and booleans as 0/1; PostgreSQL, typed columns. */
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const truthy = (value: unknown) => value === true || Number(value) === 1;

/** Reshapes the row as settings-read.ts and quiz-mode.ts would have. */
function reshapeContext(row: Row): StudyDeckContext {
  const learner = learnerSettingsOf(
    row.learnerRow === null
      ? null
      : {
          newPerDay: Number(row.newPerDay),
          maxReviewsPerDay: Number(row.maxReviewsPerDay),
          desiredRetention: Number(row.desiredRetention),
          learningSteps: String(row.learningSteps),
          relearningSteps: String(row.relearningSteps),
          dayStartHour: Number(row.dayStartHour),
          timeZone: String(row.timeZone),
          burySiblings: truthy(row.burySiblings),
          leechThreshold: Number(row.leechThreshold),
          fsrsParameters: row.fsrsParameters === null ? null : String(row.fsrsParameters),
        },
  );
  const overrides = reshapeOverrides({
    newPerDay: numberOrNull(row.deckNewPerDay),
    maxReviewsPerDay: numberOrNull(row.deckMaxReviewsPerDay),
    desiredRetention: numberOrNull(row.deckDesiredRetention),
    learningSteps: row.deckLearningSteps,
    relearningSteps: row.deckRelearningSteps,
  });
  return {
    deck: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      sourcePath: row.sourcePath,
      deletedAt: row.deletedAt,
      missingAt: row.missingAt,
      ownerId: row.ownerId,
    },
    settings: resolveDeckSettings(learner.settings, overrides),
    quiz: {
      mode: toQuizMode(row.quizMode),
      studyReversed: truthy(row.studyReversed),
      hasTerms: truthy(row.hasTerms),
    },
    recent: recentGradesOf(row.recent),
  };
}

/**
 * The deck of `slug`, what the learner studies it with and their grades of it since `gradesSince`;
 * null when there is no such deck.
 */
export async function getStudyDeckContextWith(
  prisma: Db,
  userId: string,
  slug: string,
  gradesSince: Date,
): Promise<StudyDeckContext | null> {
  const [row] = await runQueueQuery<Row>(prisma, (provider) =>
    studyDeckContextQuery(provider, userId, slug, gradesSince),
  );
  return row ? reshapeContext(row) : null;
}
