/**
 * Saving grades and undoing them, with the Prisma client passed in so tests run it against real
 * databases. Each call's writes are atomic (a transaction, or on PostgreSQL a grade's one write
 * statement), idempotent (the client's grade id is the ReviewLog id) and compare-and-set (the
 * CardState version the client saw must still be current).
 * `now` is the server's clock when the action runs, never the page's render time.
 */
import type { Db } from "@/app/lib/database/client";
import { createScheduler, type GradeValue, type Schedule, type Scheduler } from "@/app/lib/scheduler";
import { reshapeSchedule, type CardStateRow } from "@/app/lib/data/mappers";
import { providerOfClient } from "@/app/lib/data/queue-sql";
import { becomesLeech, schedulingOptionsOf, type DeckStudySettings } from "@/app/lib/settings";
import { ensureUser } from "@/app/lib/auth/local-learner-row";
import { readForGrade } from "./grade-read";
import { writeGrade } from "./grade-write";
import { isUniqueViolation } from "@/app/lib/database/errors";
import type { LiveNotice } from "@/app/lib/live/deck-events";

export { ensureUser };

export interface GradeInput {
  gradeId: string;
  cardId: string;
  rating: GradeValue;
  expectedVersion: number;
  durationMs?: number | null;
}

export interface UndoInput {
  gradeId: string;
  cardId: string;
  expectedVersion: number;
}

/** The card's state on the server after the call: null = new (no row, version 0). */
export interface ServerCardState {
  cardId: string;
  schedule: Schedule | null;
  version: number;
}

export type GradeResult =
  | ({ status: "saved"; duplicate: boolean; leech?: boolean } & ServerCardState)
  | ({ status: "conflict" } & ServerCardState)
  | { status: "not-found"; cardId: string };

export type UndoResult =
  | ({ status: "undone"; alreadyUndone: boolean } & ServerCardState)
  | ({ status: "conflict" } & ServerCardState);

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Thrown inside a transaction to roll it back when the compare-and-set loses a race. */
class VersionConflictError extends Error {
  constructor() {
    super("Card state changed during the transaction");
    this.name = "VersionConflictError";
  }
}

const appScheduler = createScheduler({ enableFuzz: true });

export interface GradingOptions {
  /** Who grades: from app/lib/auth/viewer.ts in the app, explicit in tests and the CLI. */
  userId: string;
  /** Grades with this scheduler instead of one built from the deck's settings (tests). */
  scheduler?: Scheduler;
  /** Fuzz for the scheduler built from the deck's settings; default on. */
  enableFuzz?: boolean;
  /**
   * PostgreSQL: the live notification of the card's new version, sent by the grade's own write
   * (announce-card.ts cardChangeNotice). Ignored on SQLite, whose caller announces after the write.
   */
  notice?: (change: { cardId: string; version: number }) => LiveNotice;
}

/** The scheduler a deck's settings call for: retention, steps and the learner's trained weights. */
export function schedulerFor(settings: DeckStudySettings, enableFuzz = true): Scheduler {
  return createScheduler({ enableFuzz, ...schedulingOptionsOf(settings) });
}

function serverState(cardId: string, row: CardStateRow | null): ServerCardState {
  return { cardId, schedule: row ? reshapeSchedule(row) : null, version: row?.version ?? 0 };
}

async function readState(db: Tx | Db, userId: string, cardId: string): Promise<ServerCardState> {
  const row = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return serverState(cardId, row);
}

/** A concurrent save won: the same grade id stored first, or the database refused a write conflict. */
function lostRace(error: unknown): boolean {
  return isUniqueViolation(error) || (error as { code?: unknown } | null)?.code === "P2034";
}

/**
 * Saves one grade. A grade id already stored returns the stored outcome; a stale version returns
 * `conflict` with the server's state and writes nothing. A card in a deck the learner cannot see is
 * `not-found` (another learner's private deck).
 */
export async function gradeCardWith(
  prisma: Db,
  input: GradeInput,
  now: Date,
  options: GradingOptions,
): Promise<GradeResult> {
  const { userId } = options;
  const provider = providerOfClient(prisma);
  await ensureUser(prisma, userId);
  // A grade id is the client's; one stored for another learner is not this learner's to read back.
  const notFound: GradeResult = { status: "not-found", cardId: input.cardId };
  const duplicate = async (): Promise<GradeResult | null> => {
    const log = await prisma.reviewLog.findUnique({ where: { id: input.gradeId } });
    if (!log) return null;
    if (log.userId !== userId) return notFound;
    return { status: "saved", duplicate: true, ...(await readState(prisma, userId, log.cardId)) };
  };

  try {
    // The read and the scheduling run outside any transaction: the write is compare-and-set on the
    // version the read saw (grade-write.ts), so a read gone stale writes nothing. Only the writes are
    // atomic together: one statement on PostgreSQL (no BEGIN and COMMIT round trips); on SQLite, two
    // statements in a transaction that holds the write lock for them alone, not while scheduling.
    const read = await readForGrade(prisma, provider, {
      gradeId: input.gradeId,
      cardId: input.cardId,
      userId,
    });
    if (read.logged && read.logged.userId !== userId) return notFound;
    if (read.logged)
      return { status: "saved", duplicate: true, ...serverState(read.logged.cardId, read.state) };
    if (read.deckId === null) return notFound;
    const deckId = read.deckId;
    const settings = read.settings;
    const scheduler = options.scheduler ?? schedulerFor(settings, options.enableFuzz ?? true);

    const current = serverState(input.cardId, read.state);
    if (current.version !== input.expectedVersion) {
      // A concurrent copy of this very grade may have been stored since the read: then the version
      // moved because of it, and it is a duplicate, not a conflict.
      const committed = await prisma.reviewLog.findFirst({
        where: { id: input.gradeId, userId },
        select: { id: true },
      });
      return committed
        ? { status: "saved", duplicate: true, ...current }
        : { status: "conflict", ...current };
    }

    const { nextCard, reviewLog } = scheduler.grade(current.schedule, input.rating, now, input.cardId);
    const version = current.version + 1;
    // A leech is tagged and suspended by the grade that makes it one (undo takes both back).
    const leech = becomesLeech(current.schedule?.lapses ?? 0, nextCard.lapses, settings.leechThreshold);
    const write = async (db: Tx | Db) => {
      // No row yet: create it. Decided by the row, not the version: states written by an import
      // before imports stamped version 1 exist with version 0.
      const written = await writeGrade(db, provider, {
        gradeId: input.gradeId,
        userId,
        cardId: input.cardId,
        deckId,
        expectedVersion: current.schedule === null ? null : current.version,
        version,
        schedule: nextCard,
        log: reviewLog,
        durationMs: input.durationMs ?? null,
        now,
        notice: provider === "postgresql" ? options.notice?.({ cardId: input.cardId, version }) : undefined,
      });
      if (!written) throw new VersionConflictError();
      if (leech) {
        await db.cardMark.upsert({
          where: { userId_cardId: { userId, cardId: input.cardId } },
          create: { userId, cardId: input.cardId, leechAt: now, suspendedAt: now },
          update: { leechAt: now, suspendedAt: now },
        });
      }
    };
    if (provider === "postgresql" && !leech) await write(prisma);
    else await prisma.$transaction(write);
    return { status: "saved", duplicate: false, leech, cardId: input.cardId, schedule: nextCard, version };
  } catch (error) {
    // Lost a race with a concurrent save: the same grade (stored once) or another one (conflict).
    if (!(error instanceof VersionConflictError) && !lostRace(error)) throw error;
    return (await duplicate()) ?? { status: "conflict", ...(await readState(prisma, userId, input.cardId)) };
  }
}

/**
 * Undoes a stored grade: deletes its ReviewLog and restores the card's state from the log's
 * before-state (a card that was new loses its CardState row). Compare-and-set like a grade; a grade
 * that is already gone counts as undone. Only the learner's own grades are found: another learner's
 * grade id is, for this learner, a grade that does not exist.
 */
export async function undoGradeWith(
  prisma: Db,
  input: UndoInput,
  options: { userId: string; scheduler?: Scheduler },
): Promise<UndoResult> {
  const { userId } = options;
  const scheduler = options.scheduler ?? appScheduler;
  const ownLog = { id: input.gradeId, userId };
  try {
    return await prisma.$transaction(async (tx) => {
      const log = await tx.reviewLog.findFirst({ where: ownLog });
      const current = await readState(tx, userId, input.cardId);
      if (!log) return { status: "undone", alreadyUndone: true, ...current };
      if (current.version !== input.expectedVersion || !current.schedule || log.cardId !== input.cardId) {
        // As for grades: a concurrent copy of this undo may have committed since the first look.
        const gone = !(await tx.reviewLog.findFirst({ where: ownLog, select: { id: true } }));
        return gone
          ? { status: "undone", alreadyUndone: true, ...current }
          : { status: "conflict", ...current };
      }

      const where = { userId, cardId: input.cardId, version: current.version };
      let restored: ServerCardState;
      if (log.state === 0) {
        const { count } = await tx.cardState.deleteMany({ where });
        if (count !== 1) throw new VersionConflictError();
        restored = { cardId: input.cardId, schedule: null, version: 0 };
      } else {
        const schedule = scheduler.rollback(current.schedule, {
          ...log,
          rating: log.rating as GradeValue,
          state: log.state as 0 | 1 | 2 | 3,
        });
        const version = current.version + 1;
        const { count } = await tx.cardState.updateMany({ where, data: { ...schedule, version } });
        if (count !== 1) throw new VersionConflictError();
        restored = { cardId: input.cardId, schedule, version };
      }
      await tx.reviewLog.delete({ where: { id: log.id } });
      // The grade made the card a leech (same instant): undo lifts the tag and the suspension.
      await tx.cardMark.updateMany({
        where: { userId, cardId: input.cardId, leechAt: log.review },
        data: { leechAt: null, suspendedAt: null },
      });
      return { status: "undone", alreadyUndone: false, ...restored };
    });
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const state = await readState(prisma, userId, input.cardId);
    const gone = !(await prisma.reviewLog.findFirst({ where: ownLog, select: { id: true } }));
    return gone ? { status: "undone", alreadyUndone: true, ...state } : { status: "conflict", ...state };
  }
}
