/**
 * A simulated learner whose memory follows known FSRS-6 parameters. Cards are scheduled by the app's
 * own scheduler (ts-fsrs with the default parameters, as a learner who never optimized), 20 new
 * cards a day, reviews from 09:00 UTC, learning steps taken the same day. Whether a card is recalled
 * is a Bernoulli draw with the retrievability that the TRUE parameters give after the study days
 * since its last review (the same day count FSRS trains on); a recalled card is graded Hard, Good or
 * Easy with probabilities 0.3 / 0.6 / 0.1, a new card's first grade with fsrs-rs's simulator's
 * first-rating odds. Seeded, so a run is repeatable.
 */
import { clipParameters, default_w, type FSRSState } from "ts-fsrs";
import { createScheduler, type GradeValue, type ReviewRecord, type Schedule } from "@/app/lib/scheduler";
import { memoryModel } from "@/app/lib/optimizer/evaluate";
import { studyDay } from "@/app/lib/optimizer/study-day";

export interface SimulatedReview extends ReviewRecord {
  cardId: string;
}

export interface SimulationOptions {
  trueParameters: number[];
  reviews: number;
  seed: number;
  start?: Date;
  newPerDay?: number;
  /**
   * Count only reviews made on a later study day than the card's previous one (the srs-benchmark
   * counts a learner's reviews this way), not every grade.
   */
  countLongTerm?: boolean;
}

/** A small seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The defaults, each scaled by e^N(0, spread), then clipped to FSRS-6's allowed ranges. */
export function perturbedParameters(seed: number, spread = 0.35): number[] {
  const random = seededRandom(seed);
  return clipParameters(
    default_w.map((w) => w * Math.exp(spread * normal(random))),
    1,
    true,
  );
}

const days = { dayStartHour: 4, timeZone: "UTC" };
const firstOdds = [0.24, 0.094, 0.495, 0.171];
const recallOdds = [0.3, 0.6, 0.1];

function pick(random: () => number, odds: number[]): number {
  let r = random();
  for (let i = 0; i < odds.length; i++) {
    r -= odds[i]!;
    if (r < 0) return i;
  }
  return odds.length - 1;
}

interface SimCard {
  id: string;
  schedule: Schedule | null;
  memory: FSRSState | null;
  lastReview: Date | null;
  due: number;
}

/** Simulates until `reviews` grades are made; returns them in time order. */
export function simulateLearner(options: SimulationOptions): SimulatedReview[] {
  const random = seededRandom(options.seed);
  const truth = memoryModel(options.trueParameters);
  const scheduler = createScheduler({ enableFuzz: true });
  const start = options.start ?? new Date("2025-01-01T09:00:00Z");
  const newPerDay = options.newPerDay ?? 20;
  const cards: SimCard[] = [];
  const out: SimulatedReview[] = [];
  let counted = 0;

  for (let day = 0; counted < options.reviews; day++) {
    const dayStart = start.getTime() + day * 86_400_000;
    const dayEnd = dayStart + 14 * 3_600_000;
    for (let i = 0; i < newPerDay; i++) {
      cards.push({
        id: `sim-${options.seed}-${cards.length}`,
        schedule: null,
        memory: null,
        lastReview: null,
        due: dayStart,
      });
    }
    const queue = cards.filter((card) => card.due < dayEnd);
    let now = dayStart;
    while (queue.length > 0 && counted < options.reviews) {
      let best = 0;
      for (let i = 1; i < queue.length; i++) if (queue[i]!.due < queue[best]!.due) best = i;
      const card = queue[best]!;
      if (card.due >= dayEnd) break;
      now = Math.max(now, card.due) + 20_000;
      const at = new Date(now);

      let rating: GradeValue;
      let elapsed = 0;
      if (!card.memory || !card.lastReview) {
        rating = (pick(random, firstOdds) + 1) as GradeValue;
      } else {
        elapsed = studyDay(at, days) - studyDay(card.lastReview, days);
        const t = elapsed > 0 ? elapsed : (now - card.lastReview.getTime()) / 86_400_000;
        const recalled = random() < truth.forgetting_curve(t, card.memory.stability);
        rating = recalled ? ((pick(random, recallOdds) + 2) as GradeValue) : 1;
      }
      card.memory = truth.next_state(card.memory, elapsed, rating);
      const { nextCard, reviewLog } = scheduler.grade(card.schedule, rating, at);
      out.push({ cardId: card.id, ...reviewLog });
      if (!options.countLongTerm || elapsed > 0) counted++;
      card.schedule = nextCard;
      card.lastReview = at;
      card.due = nextCard.due.getTime();
      if (card.due >= dayEnd) queue.splice(best, 1);
    }
  }
  return out;
}
