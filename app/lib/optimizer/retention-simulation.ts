/**
 * What a desired retention costs: for each candidate retention, simulate the learner's cards day by
 * day over the coming months with their FSRS parameters and count the reviews. Pure and seeded: the
 * same input gives the same figures. The model, kept simple on purpose:
 * - a started card is reviewed on its due day (overdue ones today); it is recalled with probability
 *   = its retrievability then, and graded Good, else Again (a lapse, plus one review per relearning
 *   step); its next interval is FSRS's for that retention, without fuzz;
 * - each deck introduces new cards at its new-per-day rate while it has any; a new card is graded
 *   Good and costs one review plus one per learning step;
 * - the daily review limit is ignored: the figure is the work the retention asks for.
 * Past `maxCards` cards (started ones plus those introduced), a seeded sample is simulated and the
 * counts scaled up, so the work stays bounded whatever the collection's size.
 */
import { createMemoryModel, type GradeValue } from "@/app/lib/scheduler";

export interface SimulatedCard {
  stability: number;
  difficulty: number;
  /** Days from now until the card is due (negative: overdue). */
  dueInDays: number;
  /** Days since its last review. */
  elapsedDays: number;
}

export interface NewCardPool {
  /** New cards left in the deck. */
  count: number;
  /** The deck's new cards per day. */
  perDay: number;
}

export interface RetentionSimulationInput {
  cards: readonly SimulatedCard[];
  newCards: readonly NewCardPool[];
  /** The learner's 21 FSRS-6 weights, null = defaults. */
  parameters: readonly number[] | null;
  retentions: readonly number[];
  days?: number;
  learningSteps?: number;
  relearningSteps?: number;
  seed?: number;
  maxCards?: number;
}

export interface RetentionEstimate {
  retention: number;
  /** Average reviews per day over the period. */
  reviewsPerDay: number;
  /** Expected number of cards the learner would recall on the last day. */
  recalledAtEnd: number;
}

export interface RetentionSimulation {
  days: number;
  estimates: RetentionEstimate[];
  /** Started cards plus the new cards introduced within the period. */
  cardsTotal: number;
  cardsSimulated: number;
  sampled: boolean;
}

export const defaultSimulationDays = 90;
export const defaultMaxSimulatedCards = 5_000;
/** 0.70 to 0.97, denser where learners usually choose. */
export const candidateRetentions = [0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97] as const;

/** mulberry32: a small seeded generator, so every run draws the same recalls. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The candidate retentions with the learner's own setting among them, in order. */
export function retentionsWith(current: number): number[] {
  const rounded = Math.round(current * 100) / 100;
  const all = new Set<number>([...candidateRetentions, rounded]);
  return [...all].sort((a, b) => a - b);
}

/** New cards a deck introduces in `days` days. */
const introduced = (pool: NewCardPool, days: number) =>
  Math.min(Math.max(0, pool.count), Math.max(0, pool.perDay) * days);

/** A seeded choice of `size` of the `total` indices. */
function sampleIndices(total: number, size: number, seed: number): number[] {
  const indices = Array.from({ length: total }, (_, index) => index);
  if (size >= total) return indices;
  const random = seededRandom(seed ^ 0x9e3779b9);
  for (let index = 0; index < size; index += 1) {
    const pick = index + Math.floor(random() * (total - index));
    [indices[index], indices[pick]] = [indices[pick]!, indices[index]!];
  }
  return indices.slice(0, size);
}

export interface SimulationPlan {
  days: number;
  cardsTotal: number;
  cardsSimulated: number;
  sampled: boolean;
  /** Simulates one retention (each call is independent of the others). */
  run(retention: number): RetentionEstimate;
  /**
   * The same simulation, paused every `sliceDays` simulated days (a few ms of work), so a server
   * can hand its event loop back between slices; returns the estimate when done.
   */
  slices(retention: number): Generator<void, RetentionEstimate>;
}

/** Samples the cards once; each retention is then one `run` (or `slices`). */
export function planSimulation(input: Omit<RetentionSimulationInput, "retentions">): SimulationPlan {
  const days = input.days ?? defaultSimulationDays;
  const seed = input.seed ?? 1;
  const maxCards = input.maxCards ?? defaultMaxSimulatedCards;
  const newTotal = input.newCards.reduce((sum, pool) => sum + introduced(pool, days), 0);
  const cardsTotal = input.cards.length + newTotal;
  const scale = cardsTotal > maxCards ? maxCards / cardsTotal : 1;
  const chosen = sampleIndices(input.cards.length, Math.round(input.cards.length * scale), seed).map(
    (index) => input.cards[index]!,
  );
  return {
    days,
    cardsTotal,
    cardsSimulated: chosen.length + Math.round(newTotal * scale),
    sampled: scale < 1,
    run: (retention) => finish(simulateSlices(input, { retention, days, seed, scale, chosen })),
    slices: (retention) => simulateSlices(input, { retention, days, seed, scale, chosen }),
  };
}

/**
 * Reviews per day and cards recalled at the end, for each retention in `input.retentions`.
 * @example simulateRetentions({ cards: [], newCards: [{ count: 500, perDay: 20 }], parameters: null, retentions: [0.8, 0.9] })
 */
export function simulateRetentions(input: RetentionSimulationInput): RetentionSimulation {
  const { run, days, cardsTotal, cardsSimulated, sampled } = planSimulation(input);
  return { days, cardsTotal, cardsSimulated, sampled, estimates: input.retentions.map(run) };
}

interface Run {
  retention: number;
  days: number;
  seed: number;
  scale: number;
  chosen: readonly SimulatedCard[];
}

/** Days simulated between pauses: about 1/9 of a retention's work over 90 days. */
const sliceDays = 10;

function finish<T>(slices: Generator<void, T>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

function* simulateSlices(
  input: Omit<RetentionSimulationInput, "retentions">,
  run: Run,
): Generator<void, RetentionEstimate> {
  const { days, scale } = run;
  const model = createMemoryModel({ requestRetention: run.retention, parameters: input.parameters });
  // The same draws for every retention, so the figures differ by the retention alone.
  const random = seededRandom(run.seed);
  const learnCost = 1 + (input.learningSteps ?? 0);
  const lapseCost = 1 + (input.relearningSteps ?? 0);
  const stability: number[] = [];
  const difficulty: number[] = [];
  const lastDay: number[] = [];
  const dueOn: number[][] = Array.from({ length: days }, () => []);
  const schedule = (card: number, day: number) => {
    if (day < days) dueOn[day]!.push(card);
  };

  for (const card of run.chosen) {
    const index = stability.push(Math.max(card.stability, 0.01)) - 1;
    difficulty.push(card.difficulty);
    lastDay.push(-Math.max(0, card.elapsedDays));
    schedule(index, Math.max(0, Math.floor(card.dueInDays)));
  }

  const pools = input.newCards.map((pool) => ({
    left: introduced(pool, days) * scale,
    rate: pool.perDay * scale,
  }));
  const owed = pools.map(() => 0);
  let reviews = 0;
  for (let day = 0; day < days; day += 1) {
    pools.forEach((pool, poolIndex) => {
      // Fractions carry over, so a sampled deck still introduces its share of cards.
      owed[poolIndex]! += Math.min(pool.rate, pool.left);
      pool.left -= Math.min(pool.rate, pool.left);
      while (owed[poolIndex]! >= 1) {
        owed[poolIndex]! -= 1;
        const memory = model.next(null, 0, 3);
        const index = stability.push(memory.stability) - 1;
        difficulty.push(memory.difficulty);
        lastDay.push(day);
        reviews += learnCost;
        schedule(index, day + model.interval(memory.stability));
      }
    });
    for (const index of dueOn[day]!) {
      const elapsed = day - lastDay[index]!;
      const recalled = random() < model.recall(elapsed, stability[index]!);
      const rating: GradeValue = recalled ? 3 : 1;
      const memory = model.next(
        { stability: stability[index]!, difficulty: difficulty[index]! },
        elapsed,
        rating,
      );
      stability[index] = memory.stability;
      difficulty[index] = memory.difficulty;
      lastDay[index] = day;
      reviews += recalled ? 1 : lapseCost;
      schedule(index, day + model.interval(memory.stability));
    }
    dueOn[day] = [];
    if ((day + 1) % sliceDays === 0) yield;
  }

  let recalledAtEnd = 0;
  for (let index = 0; index < stability.length; index += 1)
    recalledAtEnd += model.recall(days - lastDay[index]!, stability[index]!);
  return {
    retention: run.retention,
    reviewsPerDay: reviews / days / scale,
    recalledAtEnd: recalledAtEnd / scale,
  };
}
