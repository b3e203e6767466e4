import { describe, expect, it } from "vitest";
import { createScheduler, newSchedule, type Schedule } from "@/app/lib/scheduler";

// Fuzz off and pinned dates (as ts-fsrs's own tests do): each option must move the interval.
const now = new Date("2026-03-10T12:00:00.000Z");
const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;
const days = (from: Date, to: Date) => minutes(from, to) / 1440;

/** A review card last seen 10 days ago with a 10-day stability, due now. */
const review: Schedule = {
  ...newSchedule(now),
  due: now,
  stability: 10,
  difficulty: 5,
  scheduled_days: 10,
  reps: 5,
  state: 2,
  last_review: new Date(now.getTime() - 10 * 86_400_000),
};

describe("scheduler options", () => {
  it("a higher desired retention gives shorter intervals, a lower one longer", () => {
    const goodAfter = (requestRetention: number) =>
      days(now, createScheduler({ enableFuzz: false, requestRetention }).grade(review, 3, now).nextCard.due);
    const [low, normal, high] = [goodAfter(0.7), goodAfter(0.9), goodAfter(0.97)];
    expect(low).toBeGreaterThan(normal);
    expect(normal).toBeGreaterThan(high);
    expect(high).toBeGreaterThanOrEqual(1);
  });

  it("uses the learning steps given: a new card's Again and Good follow them", () => {
    const scheduler = createScheduler({ enableFuzz: false, learningSteps: ["5m", "2h"] });
    const preview = scheduler.preview(null, now);
    expect(minutes(now, preview[1].nextCard.due)).toBe(5);
    expect(minutes(now, preview[3].nextCard.due)).toBe(120);
    const defaults = createScheduler({ enableFuzz: false }).preview(null, now);
    expect(minutes(now, defaults[3].nextCard.due)).toBe(10);
  });

  it("with no learning steps a new card goes straight to days", () => {
    const scheduler = createScheduler({ enableFuzz: false, learningSteps: [] });
    const { nextCard } = scheduler.grade(null, 3, now);
    expect(nextCard.state).toBe(2);
    expect(days(now, nextCard.due)).toBeGreaterThanOrEqual(1);
  });

  it("uses the relearning steps given when a review is forgotten", () => {
    const forgot = (relearningSteps: ["30m"] | ["10m"]) =>
      minutes(
        now,
        createScheduler({ enableFuzz: false, relearningSteps }).grade(review, 1, now).nextCard.due,
      );
    expect(forgot(["30m"])).toBe(30);
    expect(forgot(["10m"])).toBe(10);
  });

  it("uses trained FSRS-6 weights: other weights, another interval", () => {
    const defaults = createScheduler({ enableFuzz: false }).grade(null, 3, now).nextCard;
    // w[2] is a new card's stability after Good: triple it.
    const weights = [
      0.212,
      1.2931,
      2.3065 * 3,
      8.2956,
      6.4133,
      0.8334,
      3.0194,
      0.001,
      1.8722,
      0.1666,
      0.796,
      1.4835,
      0.0614,
      0.2629,
      1.6483,
      0.6014,
      1.8729,
      0.5425,
      0.0912,
      0.0658,
      0.1542,
    ];
    const trained = createScheduler({ enableFuzz: false, parameters: weights }).grade(null, 3, now).nextCard;
    expect(trained.stability).toBeGreaterThan(defaults.stability * 2);
    expect(createScheduler({ enableFuzz: false, parameters: null }).grade(null, 3, now).nextCard).toEqual(
      defaults,
    );
  });
});

describe("fuzz seeded by the card", () => {
  it("the interval previewed in the browser is the one the server saves seconds later", () => {
    const scheduler = createScheduler({ enableFuzz: true });
    const later = new Date(now.getTime() + 7_000);
    let clockSeedsDiffer = false;
    for (let i = 0; i < 30; i += 1) {
      const cardId = `card-${i}`;
      const shown = scheduler.preview(review, now, cardId)[4].nextCard.scheduled_days;
      expect(scheduler.grade(review, 4, later, cardId).nextCard.scheduled_days, cardId).toBe(shown);
      // Without the id ts-fsrs seeds with the clock, and seven seconds can move the interval.
      const atNow = scheduler.preview(review, new Date(now.getTime() + i * 1_000))[4].nextCard.scheduled_days;
      const atLater = scheduler.grade(review, 4, new Date(later.getTime() + i * 1_000)).nextCard
        .scheduled_days;
      if (atNow !== atLater) clockSeedsDiffer = true;
    }
    expect(clockSeedsDiffer).toBe(true);
  });

  it("still spreads cards learnt together, and the id does not leak into the schedule", () => {
    const scheduler = createScheduler({ enableFuzz: true });
    const intervals = new Set(
      Array.from(
        { length: 30 },
        (_, i) => scheduler.grade(review, 4, now, `card-${i}`).nextCard.scheduled_days,
      ),
    );
    expect(intervals.size).toBeGreaterThan(1);
    expect(Object.keys(scheduler.grade(review, 4, now, "card-1").nextCard)).toEqual(Object.keys(review));
  });
});
