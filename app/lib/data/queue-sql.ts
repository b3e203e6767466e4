/**
 * The study queue's SQL, the same on SQLite and PostgreSQL. Written by hand because Prisma turns
 * `states: { none: { userId } }` and `marks: { none: ... }` into `NOT IN (SELECT ...)` over every
 * row the learner has, which both databases build in full (a hash or a temporary b-tree of all of a
 * learner's card states) on every read; here each card is checked with one lookup in the
 * (userId, cardId) keys instead. The indexes these queries lean on (migrations 20261205000000 and
 * 20261207000000):
 *   - CardState(userId, deckId, state, due): one deck's learning cards, and its reviews in due
 *     order, stopping at the limit, as Anki's ix_cards_sched (deck, queue, due) reads a deck's queue;
 *   - CardState(userId, state, due): the same across every deck (Study all);
 *   - Card(deckId, position): a deck's new cards in file order, stopping once the allowance is found.
 * bench/queue.ts prints their plans.
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import { reverseKeySuffix } from "@/app/lib/study/quiz-mode";
import type { CardStateRow } from "./mappers";
import { parameters, type Query } from "./stats/hour-sql";

/** Which reverse cards (definition -> term) are studied: those of the decks studied both ways. */
export type ReverseRule = { all: true } | { deckIds: string[] };

export interface QueueScope {
  userId: string;
  now: Date;
  reverse: ReverseRule;
  /**
   * One deck's queue, of a deck the caller has checked the learner may study (theirs or shared, not
   * in the trash, its file not missing): the queries then leave the Deck table out (on PostgreSQL,
   * planning one join fewer in each part cost more than running it). Absent: every deck the
   * learner can see (Study all).
   */
  deckId?: string;
  /** Cards graded today: their notes' other cards are buried (one deck's queue, with burying on). */
  graded?: readonly { cardId: string; line: number; kind: string }[];
}

type Add = (value: unknown) => string;

/** The columns a study card is built from (reshapeStudyCard), with its deck and the learner's flag. */
const cardColumns = `c."id", c."key", c."kind", c."front", c."back", c."context", c."line", c."position",
  d."slug" AS "deckSlug", d."title" AS "deckTitle", COALESCE(m."flag", 0) AS "flag"`;
const stateColumns = `s."due", s."stability", s."difficulty", s."elapsed_days", s."scheduled_days",
  s."learning_steps", s."reps", s."lapses", s."state", s."last_review", s."version"`;

/**
 * Card `c` in deck `d`, with the learner's mark `m`: an active card of a deck the learner can see
 * (shared, or their own; not in the trash nor missing), not suspended nor buried until after now,
 * and not a reverse card of a deck studied one way. One deck's queue has checked its deck already.
 */
function cardJoins(add: Add, scope: QueueScope) {
  // Placeholders in the order they appear: SQLite's `?` are positional.
  const deck = scope.deckId
    ? ""
    : `JOIN "Deck" d ON d."id" = c."deckId" AND d."deletedAt" IS NULL AND d."missingAt" IS NULL
      AND (d."ownerId" IS NULL OR d."ownerId" = ${add(scope.userId)})`;
  return `${deck}
    LEFT JOIN "CardMark" m ON m."userId" = ${add(scope.userId)} AND m."cardId" = c."id"`;
}

/** The card columns, with its deck's: one deck's queue knows its deck already. */
function columnsOf(scope: QueueScope) {
  return scope.deckId
    ? cardColumns.replace(
        `d."slug" AS "deckSlug", d."title" AS "deckTitle"`,
        `'' AS "deckSlug", '' AS "deckTitle"`,
      )
    : cardColumns;
}

/** The learner's states `s`, of the scope's deck when it has one (CardState names its card's deck). */
function stateOwner(add: Add, scope: QueueScope) {
  // Placeholders in the order they appear: SQLite's `?` are positional.
  const user = `s."userId" = ${add(scope.userId)}`;
  return scope.deckId ? `${user} AND s."deckId" = ${add(scope.deckId)}` : user;
}

function cardFilters(add: Add, scope: QueueScope, { siblings }: { siblings: boolean }) {
  const filters = [
    `c."retiredAt" IS NULL`,
    `(m."cardId" IS NULL OR (m."suspendedAt" IS NULL AND (m."buriedUntil" IS NULL OR m."buriedUntil" <= ${add(scope.now)})))`,
  ];
  if (!("all" in scope.reverse)) {
    const studied = scope.reverse.deckIds.map(add).join(", ");
    filters.push(
      `(c."key" NOT LIKE ${add(`%${reverseKeySuffix}`)}${studied ? ` OR c."deckId" IN (${studied})` : ""})`,
    );
  }
  // A note's other cards stay buried for the day once one of them is graded (not the graded one).
  if (siblings && scope.graded && scope.graded.length > 0) {
    // Placeholders in the order they appear: SQLite's `?` are positional.
    const gradedIds = scope.graded.map((log) => add(log.cardId)).join(", ");
    const notes = new Map(scope.graded.map((log) => [`${log.line}:${log.kind}`, log]));
    const sameNote = [...notes.values()]
      .map((log) => `(c."line" = ${add(log.line)} AND c."kind" = ${add(log.kind)})`)
      .join(" OR ");
    filters.push(`(c."id" IN (${gradedIds}) OR NOT (${sameNote}))`);
  }
  return filters.join(" AND ");
}

/** A row of {@link startedCardsQuery}: the card, its deck, the learner's flag and state. */
export interface StartedCardRow extends CardStateRow {
  id: string;
  key: string;
  kind: string;
  front: string;
  back: string;
  context: string;
  line: number;
  position: number;
  deckSlug: string;
  deckTitle: string;
  flag: number;
}

/**
 * A row of {@link newCardsQuery}: the card (its columns null in a deck's row without one), its
 * deck, the learner's flag, which deck of the list, where the walk started and the deck's last
 * position.
 */
export type NewCardRow = Omit<StartedCardRow, keyof CardStateRow> & {
  arm: number;
  from: number;
  last: number | null;
};

/**
 * The learner's started cards due today, each part in due order: learning cards and relearning
 * cards (whenever due: they may come due during the session) up to `learning` each, then reviews
 * due before `dayEnd` up to `reviews`. Read through CardState(userId, deckId, state, due) for one
 * deck, CardState(userId, state, due) for all; each part stops at its limit.
 */
export function startedCardsQuery(
  provider: Provider,
  scope: QueueScope,
  limits: { dayEnd: Date; learning: number; reviews: number },
): Query {
  const { params, add } = parameters(provider);
  const part = (
    name: string,
    states: string,
    dueBefore: Date | null,
    limit: number,
    siblings: boolean,
    join = "JOIN",
  ) =>
    `SELECT * FROM (SELECT ${columnsOf(scope)}, ${stateColumns}
      FROM "CardState" s ${join} "Card" c ON c."id" = s."cardId" ${cardJoins(add, scope)}
      WHERE ${stateOwner(add, scope)} AND s."state" ${states}
        ${dueBefore ? `AND s."due" < ${add(dueBefore)}` : ""}
        AND ${cardFilters(add, scope, { siblings })}
      ORDER BY s."due" LIMIT ${add(limit)}) AS "${name}"`;
  // One state a part, so that the index hands each part over in due order and the limit stops it
  // (with `state IN (1, 3)`, SQLite walked all the learner's states through (userId, due) instead).
  // A learner has few learning cards, but SQLite's planner takes a state for as common as any
  // other and would rather walk the cards of every deck; its CROSS JOIN keeps CardState first
  // (PostgreSQL's statistics know better, and its CROSS JOIN takes no ON).
  const first = provider === "sqlite" ? "CROSS JOIN" : "JOIN";
  const learning = part("learning", "= 1", null, limits.learning, false, first);
  const relearning = part("relearning", "= 3", null, limits.learning, false, first);
  const reviews = part("reviews", "= 2", limits.dayEnd, limits.reviews, true, first);
  return { sql: [learning, relearning, reviews].join("\nUNION ALL\n"), params };
}

/**
 * How many learning cards and reviews due today the learner has, each counted up to `cap` (more
 * reads as cap + 1): the header's "Study all (N due)" and the batches left.
 */
export function dueCountQuery(provider: Provider, scope: QueueScope, dayEnd: Date, cap: number): Query {
  const { params, add } = parameters(provider);
  const part = (states: string, dueBefore: Date | null) =>
    `(SELECT COUNT(*) FROM (SELECT 1 FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId" ${cardJoins(add, scope)}
      WHERE ${stateOwner(add, scope)} AND s."state" ${states}
        ${dueBefore ? `AND s."due" < ${add(dueBefore)}` : ""}
        AND ${cardFilters(add, scope, { siblings: false })}
      LIMIT ${add(cap + 1)}) AS "counted")`;
  const learning = part("IN (1, 3)", null);
  const sum = `${learning} + ${part("= 2", dayEnd)}`;
  return { sql: `SELECT ${provider === "sqlite" ? sum : `(${sum})::int`} AS "due"`, params };
}

/** The walk's start without a hint: below any position (positions are 32-bit integers). */
export const noHint = -2147483648;

/**
 * New cards (no CardState row for the learner) of each deck in `decks`, each deck's first `take` in
 * file order. One query for every deck: each part walks Card(deckId, position) from the learner's
 * NewCardHint (every card below it is started: new-card-hint.ts) and stops after `take` cards without
 * a state. Each row says which deck of the list it is of (`arm`), where the walk started (`from`)
 * and the deck's last position (`last`), and a deck without new cards gives one row without a card
 * (`id` null: {@link cardRows} leaves it out), so that the read knows whether its hint can move up.
 * PostgreSQL takes the decks as two arrays into one LATERAL part, planned once: planning a UNION of
 * 14 parts cost it as much as running them. SQLite has no LATERAL, and plans a UNION cheaply.
 */
export function newCardsQuery(
  provider: Provider,
  scope: Omit<QueueScope, "deckId">,
  decks: readonly { deckId: string; take: number }[],
): Query {
  const { params, add } = parameters(provider);
  // The deck comes from `decks`, whatever the caller's scope says.
  const shared: QueueScope = { ...scope, deckId: undefined };
  // `deck`, `from` and `take` are called in place: SQLite's `?` are positional.
  const newCards = (deck: () => string, from: () => string, take: () => string) =>
    `SELECT ${cardColumns} FROM "Card" c ${cardJoins(add, shared)}
      WHERE c."deckId" = ${deck()} AND c."position" >= ${from()} AND ${cardFilters(add, shared, { siblings: true })}
        AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${add(scope.userId)} AND s."cardId" = c."id")
      ORDER BY c."position" LIMIT ${take()}`;
  const last = (deck: string) => `(SELECT MAX(l."position") FROM "Card" l WHERE l."deckId" = ${deck})`;
  if (provider === "postgresql") {
    const deckIds = add(decks.map((deck) => deck.deckId));
    const takes = add(decks.map((deck) => deck.take));
    const from = `COALESCE(h."position", ${noHint})`;
    return {
      // The deck's last position joined per deck: in the SELECT list, it ran once per card found.
      sql: `SELECT n.*, (p."place" - 1)::int AS "arm", ${from} AS "from", e."last"
        FROM unnest(${deckIds}::text[], ${takes}::int[]) WITH ORDINALITY AS p("deckId", "take", "place")
        LEFT JOIN "NewCardHint" h ON h."userId" = ${add(scope.userId)} AND h."deckId" = p."deckId"
        CROSS JOIN LATERAL (SELECT MAX(l."position") AS "last" FROM "Card" l WHERE l."deckId" = p."deckId") e
        LEFT JOIN LATERAL (${newCards(
          () => `p."deckId"`,
          () => from,
          () => `p."take"`,
        )}) n ON true`,
      params,
    };
  }
  const parts = decks.map(({ deckId, take }, arm) => {
    const hint = () =>
      `COALESCE((SELECT h."position" FROM "NewCardHint" h WHERE h."userId" = ${add(scope.userId)} AND h."deckId" = ${add(deckId)}), ${noHint})`;
    return `SELECT n.*, p."arm", p."from", p."last"
      FROM (SELECT ${arm} AS "arm", ${hint()} AS "from", ${last(add(deckId))} AS "last") AS p
      LEFT JOIN (${newCards(
        () => add(deckId),
        hint,
        () => add(take),
      )}) AS n ON 1 = 1`;
  });
  return { sql: parts.join("\nUNION ALL\n"), params };
}

/** The rows of {@link newCardsQuery} that hold a card. */
export function cardRows(rows: readonly NewCardRow[]): NewCardRow[] {
  return rows.filter((row) => row.id !== null);
}

/**
 * When the deck's first review after today falls due (read in due order through
 * CardState(userId, deckId, state, due), stopping at the first), and when its first buried card
 * comes back; either null when there is none.
 */
export function laterDueQuery(
  provider: Provider,
  scope: QueueScope & { deckId: string },
  dayEnd: Date,
): Query {
  const { params, add } = parameters(provider);
  // SQLite's CROSS JOIN keeps CardState (and CardMark) first, as in startedCardsQuery.
  const join = provider === "sqlite" ? "CROSS JOIN" : "JOIN";
  const review = `SELECT s."due" FROM "CardState" s ${join} "Card" c ON c."id" = s."cardId" ${cardJoins(add, scope)}
    WHERE ${stateOwner(add, scope)} AND s."state" = 2 AND s."due" >= ${add(dayEnd)}
      AND ${cardFilters(add, { ...scope, graded: [] }, { siblings: false })}
    ORDER BY s."due" LIMIT 1`;
  // The learner's marks still buried, in the order they come back through CardMark(userId,
  // buriedUntil), stopping at the deck's first (CROSS JOIN: SQLite would rather walk the deck's cards).
  const buried = `SELECT m."buriedUntil" FROM "CardMark" m ${join} "Card" c ON c."id" = m."cardId"
    WHERE m."userId" = ${add(scope.userId)} AND m."suspendedAt" IS NULL AND m."buriedUntil" > ${add(scope.now)}
      AND c."deckId" = ${add(scope.deckId)} AND c."retiredAt" IS NULL
    ORDER BY m."buriedUntil" LIMIT 1`;
  return { sql: `SELECT (${review}) AS "review", (${buried}) AS "buried"`, params };
}

/**
 * The learner's grades since `since` (the study day's start), of the `states` given (all when
 * absent), with their cards' deck and note: they use up the day's limits and bury their notes'
 * other cards. One query, where Prisma's nested select made two. (One deck's queue reads its
 * grades with its deck: study-deck-context.ts.)
 */
export function gradedTodayQuery(
  provider: Provider,
  { userId, since, states }: { userId: string; since: Date; states?: number[] },
): Query {
  const { params, add } = parameters(provider);
  const filters = [`l."userId" = ${add(userId)}`, `l."review" >= ${add(since)}`];
  if (states) filters.push(`l."state" IN (${states.map(add).join(", ")})`);
  return {
    sql: `SELECT l."cardId", l."state", l."review", c."deckId", c."line", c."kind" FROM "ReviewLog" l
      JOIN "Card" c ON c."id" = l."cardId" WHERE ${filters.join(" AND ")}`,
    params,
  };
}

/**
 * How far back the reads take grades before they know the study day's start (it depends on the
 * learner's settings, read alongside): no study day starts earlier, as a day is at most 25 hours
 * (in a zone changing its clocks). The grades before the day's start are then dropped in JS.
 */
export const gradesLookBackMs = 48 * 3_600_000;

/** A row of {@link gradedTodayQuery}, as the daily limits and burying take it. */
export interface GradedRow {
  cardId: string;
  state: number;
  review: Date;
  deckId: string;
  line: number;
  kind: string;
}

/** Runs {@link gradedTodayQuery}; SQLite's integers come back as bigint, its dates as text. */
export async function readGradedToday(
  prisma: Db,
  scope: Parameters<typeof gradedTodayQuery>[1],
): Promise<GradedRow[]> {
  const rows = await runQueueQuery<GradedRow>(prisma, (provider) => gradedTodayQuery(provider, scope));
  return rows.map((row) => ({
    ...row,
    state: Number(row.state),
    review: asDate(row.review)!,
    line: Number(row.line),
  }));
}

/**
 * The client's database. The reads take the Prisma client alone, as every caller passes it; the
 * generated client names its provider ("sqlite" or "postgresql").
 */
export function providerOfClient(prisma: Db): Provider {
  const provider = (prisma as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`Unsupported Prisma provider "${provider}" for the study queue's SQL`);
}

/** Runs one of the queries above on the client's database. */
export function runQueueQuery<Row>(prisma: Db, build: (provider: Provider) => Query): Promise<Row[]> {
  const { sql, params } = build(providerOfClient(prisma));
  return prisma.$queryRawUnsafe<Row[]>(sql, ...params);
}

/**
 * SQLite hands back a computed column's date as text and its integers as bigint; PostgreSQL, typed
 * columns. Both read here as the types the rows declare.
 */
export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** The learner's state of a started card, from its row. */
export function stateOfRow(row: StartedCardRow): CardStateRow {
  return {
    due: asDate(row.due)!,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: Number(row.elapsed_days),
    scheduled_days: Number(row.scheduled_days),
    learning_steps: Number(row.learning_steps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state),
    last_review: asDate(row.last_review),
    version: Number(row.version),
  };
}
