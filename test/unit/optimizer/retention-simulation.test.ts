import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import {
  candidateRetentions,
  planSimulation,
  retentionsWith,
  simulateRetentions,
  type SimulatedCard,
} from "@/app/lib/optimizer/retention-simulation";
import { createMemoryModel, createScheduler, type Schedule } from "@/app/lib/scheduler";

/** A collection in mid-study: stabilities 1-60 days, due over the next two months, some overdue. */
function collection(size: number): SimulatedCard[] {
  return Array.from({ length: size }, (_, i) => ({
    stability: 1 + ((i * 7) % 60),
    difficulty: 3 + (i % 6),
    dueInDays: ((i * 13) % 70) - 5,
    elapsedDays: 1 + (i % 20),
  }));
}

const base = {
  cards: collection(800),
  newCards: [{ count: 400, perDay: 10 }],
  parameters: null,
  learningSteps: 2,
  relearningSteps: 1,
};

describe("simulateRetentions", () => {
  it("is deterministic: the same input gives the same figures", () => {
    const first = simulateRetentions({ ...base, retentions: candidateRetentions });
    const second = simulateRetentions({ ...base, retentions: candidateRetentions });
    expect(second).toEqual(first);
    expect(first.estimates).toHaveLength(candidateRetentions.length);
    const reseeded = simulateRetentions({ ...base, retentions: [0.9], seed: 7 });
    expect(reseeded.estimates[0]!.reviewsPerDay).not.toBe(first.estimates[5]!.reviewsPerDay);
  });

  it("asks for more reviews per day, and keeps more cards recalled, as retention rises", () => {
    const { estimates } = simulateRetentions({ ...base, retentions: candidateRetentions });
    for (let i = 1; i < estimates.length; i += 1)
      expect(estimates[i]!.reviewsPerDay, `${estimates[i]!.retention}`).toBeGreaterThan(
        estimates[i - 1]!.reviewsPerDay,
      );
    const low = estimates[0]!;
    const high = estimates.at(-1)!;
    expect(high.reviewsPerDay).toBeGreaterThan(2 * low.reviewsPerDay);
    expect(high.recalledAtEnd).toBeGreaterThan(low.recalledAtEnd);
    // 800 started cards and all 400 new ones (10 a day for 40 days) at most.
    expect(high.recalledAtEnd).toBeLessThanOrEqual(1_200);
  });

  it("counts new cards at the deck's rate: one review each plus one per learning step", () => {
    const result = simulateRetentions({
      cards: [],
      newCards: [{ count: 20, perDay: 10 }],
      parameters: null,
      retentions: [0.9],
      days: 2,
      learningSteps: 2,
    });
    // Two days of 10 new cards, none due again the day after a first Good.
    expect(result.cardsTotal).toBe(20);
    expect(result.estimates[0]!.reviewsPerDay).toBe(30);
  });

  it("uses the learner's parameters: a memory that keeps longer needs fewer reviews", () => {
    const stronger = [...default_w];
    for (const index of [0, 1, 2, 3]) stronger[index] = stronger[index]! * 4;
    stronger[8] = stronger[8]! + 0.5;
    const input = { ...base, cards: [], newCards: [{ count: 2_000, perDay: 20 }], retentions: [0.9] };
    const defaults = simulateRetentions(input).estimates[0]!;
    const own = simulateRetentions({ ...input, parameters: stronger }).estimates[0]!;
    expect(own.reviewsPerDay).toBeLessThan(defaults.reviewsPerDay);
  });

  it("bounds the work: past maxCards it simulates a sample and scales it up, close to the full figure", () => {
    const input = { ...base, cards: collection(12_000), newCards: [{ count: 0, perDay: 20 }] };
    const sampled = planSimulation({ ...input, maxCards: 1_500 });
    expect(sampled.sampled).toBe(true);
    expect(sampled.cardsTotal).toBe(12_000);
    expect(sampled.cardsSimulated).toBe(1_500);
    const full = planSimulation({ ...input, maxCards: 20_000 });
    expect(full.sampled).toBe(false);
    const estimate = sampled.run(0.9).reviewsPerDay;
    const exact = full.run(0.9).reviewsPerDay;
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.1);
  });
});

describe("planSimulation slices", () => {
  it("pauses every ten simulated days and ends with the same estimate as one run", () => {
    const plan = planSimulation({ ...base, days: 90 });
    const slices = plan.slices(0.9);
    let pauses = 0;
    let step = slices.next();
    while (!step.done) {
      pauses += 1;
      step = slices.next();
    }
    expect(pauses).toBe(9);
    expect(step.value).toEqual(plan.run(0.9));
  });
});

describe("retentionsWith", () => {
  it("adds the learner's own retention to the candidates, once and in order", () => {
    expect(retentionsWith(0.9)).toEqual([...candidateRetentions]);
    const withOwn = retentionsWith(0.87);
    expect(withOwn).toContain(0.87);
    expect(withOwn).toEqual([...withOwn].sort((a, b) => a - b));
    expect(withOwn[0]).toBe(0.7);
    expect(withOwn.at(-1)).toBe(0.97);
  });
});

describe("createMemoryModel", () => {
  it("gives the interval the scheduler saves, for the same retention and parameters", () => {
    const parameters = [...default_w];
    parameters[2] = 4;
    const now = new Date("2026-03-01T09:00:00Z");
    const review: Schedule = {
      due: now,
      stability: 12,
      difficulty: 5,
      elapsed_days: 12,
      scheduled_days: 12,
      learning_steps: 0,
      reps: 4,
      lapses: 0,
      state: 2,
      last_review: new Date("2026-02-17T09:00:00Z"),
    };
    for (const requestRetention of [0.75, 0.9, 0.95]) {
      const scheduler = createScheduler({ enableFuzz: false, requestRetention, parameters });
      const model = createMemoryModel({ requestRetention, parameters });
      const { nextCard } = scheduler.grade(review, 3, now);
      const memory = model.next({ stability: 12, difficulty: 5 }, 12, 3);
      expect(memory.stability).toBeCloseTo(nextCard.stability, 6);
      expect(model.interval(memory.stability)).toBe(nextCard.scheduled_days);
    }
  });
});
