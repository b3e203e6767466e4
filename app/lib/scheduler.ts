/**
 * The one wrapper around ts-fsrs (FSRS-6). Pure: every call takes `now`, nothing reads the clock, so
 * the same function schedules on the server (authoritative save) and in the browser (instant
 * previews). Scheduling fields keep ts-fsrs's names, so a CardState row maps over field by field.
 */
import {
  DefaultInitSeedStrategy,
  fsrs,
  Rating,
  State,
  StrategyMode,
  type AbstractScheduler,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type ReviewLog as FsrsReviewLog,
  type StepUnit,
} from "ts-fsrs";

/** 1 Again, 2 Hard, 3 Good, 4 Easy (ts-fsrs's Rating without Manual). */
export type GradeValue = 1 | 2 | 3 | 4;
export const gradeValues: readonly GradeValue[] = [1, 2, 3, 4];
export const gradeNames: Record<GradeValue, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

/** 0 New, 1 Learning, 2 Review, 3 Relearning (ts-fsrs's State). */
export type StateValue = 0 | 1 | 2 | 3;
export const stateNames: Record<StateValue, string> = {
  0: "New",
  1: "Learning",
  2: "Review",
  3: "Relearning",
};

/** A card's scheduling state: the CardState columns, minus identity and version. */
export interface Schedule {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: StateValue;
  last_review: Date | null;
}

/** The card as it was before a grade: the ReviewLog columns. */
export interface ReviewRecord {
  rating: GradeValue;
  state: StateValue;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review: Date;
}

export interface GradeOutcome {
  nextCard: Schedule;
  reviewLog: ReviewRecord;
}

export interface SchedulerOptions {
  /** Random spread of review intervals so cards learnt together drift apart. On in the app, off in tests. */
  enableFuzz: boolean;
  /** Target probability of recall at the due date. */
  requestRetention?: number;
  /** Steps of a new card before it graduates to days, e.g. ["1m", "10m"]; [] lets FSRS decide. */
  learningSteps?: readonly StepUnit[];
  /** Steps of a forgotten card before it returns to days, e.g. ["10m"]. */
  relearningSteps?: readonly StepUnit[];
  /** The 21 FSRS-6 weights (`w`) trained on the learner's reviews; null or absent = defaults. */
  parameters?: readonly number[] | null;
}

export interface Scheduler {
  /**
   * The outcome of grading `schedule` (null = a new card) at `now`. With `cardId`, the fuzz is
   * drawn from the card and its review count, not the clock, so it matches `preview` with that id.
   */
  grade(schedule: Schedule | null, rating: GradeValue, now: Date, cardId?: string): GradeOutcome;
  /** The outcome of each of the four grades, for interval labels on the buttons. */
  preview(schedule: Schedule | null, now: Date, cardId?: string): Record<GradeValue, GradeOutcome>;
  /** The schedule before the grade `log` recorded, given the schedule it produced (for undo). */
  rollback(current: Schedule, log: ReviewRecord): Schedule;
}

export const defaultRequestRetention = 0.9;

/** A new card's schedule: due now, state New. */
export function newSchedule(now: Date): Schedule {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    last_review: null,
  };
}

/** Where the card's id rides along on a ts-fsrs card, for the fuzz seed. */
const cardIdField = "notecards_card_id";

/**
 * ts-fsrs seeds its fuzz with the review time, so the browser's preview (graded a moment earlier)
 * and the server's save drew different intervals: "16d" on the button, 15 days saved. Seeded with
 * the card's id and review count instead, both draw the same. Without an id, ts-fsrs's own seed.
 */
function cardSeed(this: AbstractScheduler): string {
  const id: unknown = Reflect.get(this.current, cardIdField);
  return typeof id === "string" && id ? `${id}_${this.current.reps}` : DefaultInitSeedStrategy.call(this);
}

function toFsrs(schedule: Schedule, cardId?: string): FsrsCard {
  return {
    ...schedule,
    ...(cardId ? { [cardIdField]: cardId } : {}),
    due: new Date(schedule.due),
    state: schedule.state as State,
    last_review: schedule.last_review ? new Date(schedule.last_review) : undefined,
  };
}

function fromFsrs(card: FsrsCard): Schedule {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StateValue,
    last_review: card.last_review ?? null,
  };
}

function fromFsrsLog(log: FsrsReviewLog): ReviewRecord {
  return {
    rating: log.rating as GradeValue,
    state: log.state as StateValue,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review,
  };
}

/**
 * A scheduler: FSRS-6 default weights and ts-fsrs's default (re)learning steps unless given.
 * @example createScheduler({ enableFuzz: false }).grade(null, 3, new Date("2026-01-01T00:00:00Z"))
 * @example createScheduler({ enableFuzz: true, requestRetention: 0.95, learningSteps: ["10m", "1d"] })
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const engine: FSRS = fsrs({
    enable_fuzz: options.enableFuzz,
    request_retention: options.requestRetention ?? defaultRequestRetention,
    ...(options.learningSteps ? { learning_steps: [...options.learningSteps] } : {}),
    ...(options.relearningSteps ? { relearning_steps: [...options.relearningSteps] } : {}),
    ...(options.parameters ? { w: [...options.parameters] } : {}),
  }).useStrategy(StrategyMode.SEED, cardSeed);
  const start = (schedule: Schedule | null, now: Date, cardId?: string) =>
    toFsrs(schedule ?? newSchedule(now), cardId);

  return {
    grade(schedule, rating, now, cardId) {
      const item = engine.next(start(schedule, now, cardId), now, rating as Grade);
      return { nextCard: fromFsrs(item.card), reviewLog: fromFsrsLog(item.log) };
    },
    preview(schedule, now, cardId) {
      const preview = engine.repeat(start(schedule, now, cardId), now);
      const outcome = (rating: GradeValue): GradeOutcome => {
        const item = preview[rating as Grade];
        return { nextCard: fromFsrs(item.card), reviewLog: fromFsrsLog(item.log) };
      };
      return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
    },
    rollback(current, log) {
      const previous = engine.rollback(toFsrs(current), {
        ...log,
        rating: log.rating as Rating,
        state: log.state as State,
      });
      return fromFsrs(previous);
    },
  };
}

/** Stability and difficulty: what FSRS remembers of a card between reviews. */
export interface MemoryState {
  stability: number;
  difficulty: number;
}

/** FSRS's memory formulas alone, in days, for simulations that step thousands of cards quickly. */
export interface MemoryModel {
  /** Probability of recall `elapsedDays` after a review that left `stability`. */
  recall(elapsedDays: number, stability: number): number;
  /** The memory after grading `rating` `elapsedDays` after the last review (null = a new card). */
  next(memory: MemoryState | null, elapsedDays: number, rating: GradeValue): MemoryState;
  /** Whole days until recall falls to the requested retention (at least 1, no fuzz). */
  interval(stability: number): number;
}

/**
 * The same formulas and interval as createScheduler with these options, without dates or steps.
 * @example createMemoryModel({ requestRetention: 0.85 }).interval(10) // 15
 */
export function createMemoryModel(
  options: Pick<SchedulerOptions, "requestRetention" | "parameters">,
): MemoryModel {
  const engine: FSRS = fsrs({
    enable_fuzz: false,
    request_retention: options.requestRetention ?? defaultRequestRetention,
    ...(options.parameters ? { w: [...options.parameters] } : {}),
  });
  return {
    recall: (elapsedDays, stability) => engine.forgetting_curve(elapsedDays, stability),
    next: (memory, elapsedDays, rating) => engine.next_state(memory, elapsedDays, rating),
    interval: (stability) => Math.max(1, engine.next_interval(stability, 0)),
  };
}
