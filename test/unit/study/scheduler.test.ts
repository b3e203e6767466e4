import { describe, expect, it } from "vitest";
import { createEmptyCard, fsrs, type Grade } from "ts-fsrs";
import { createScheduler, type GradeValue, type Schedule } from "@/app/lib/scheduler";
import { formatInterval } from "@/app/lib/study/format";

const start = new Date("2026-01-05T09:00:00.000Z");
const minutes = (n: number) => n * 60_000;
const days = (n: number) => n * 86_400_000;

describe("scheduler wrapper", () => {
  it("matches ts-fsrs's own results over a sequence of grades (fuzz off)", () => {
    const reference = fsrs({ enable_fuzz: false });
    const scheduler = createScheduler({ enableFuzz: false });
    const grades: GradeValue[] = [3, 3, 1, 2, 3, 4, 1, 3, 3, 4];
    let refCard = createEmptyCard(start);
    let schedule: Schedule | null = null;
    let now = start;
    for (const grade of grades) {
      const expected = reference.next(refCard, now, grade as Grade);
      const actual = scheduler.grade(schedule, grade, now);
      expect(actual.nextCard.due.toISOString()).toBe(expected.card.due.toISOString());
      expect(actual.nextCard.stability).toBeCloseTo(expected.card.stability, 10);
      expect(actual.nextCard.difficulty).toBeCloseTo(expected.card.difficulty, 10);
      expect(actual.nextCard.state).toBe(expected.card.state);
      expect(actual.nextCard.reps).toBe(expected.card.reps);
      expect(actual.nextCard.lapses).toBe(expected.card.lapses);
      expect(actual.reviewLog.state).toBe(expected.log.state);
      expect(actual.reviewLog.rating).toBe(grade);
      refCard = expected.card;
      schedule = actual.nextCard;
      now = new Date(actual.nextCard.due);
    }
  });

  it("gives the literal FSRS-6 default intervals for a new card", () => {
    const preview = createScheduler({ enableFuzz: false }).preview(null, start);
    const label = (grade: GradeValue) => formatInterval(start, preview[grade].nextCard.due);
    expect(label(1)).toBe("1m");
    expect(label(2)).toBe("6m");
    expect(label(3)).toBe("10m");
    expect(preview[4].nextCard.due.getTime() - start.getTime()).toBe(days(8));
    expect(preview[1].nextCard.due.getTime() - start.getTime()).toBe(minutes(1));
  });

  it("graduates a learning card with Good to a multi-day review interval", () => {
    const scheduler = createScheduler({ enableFuzz: false });
    const first = scheduler.grade(null, 3, start);
    const tenLater = new Date(start.getTime() + minutes(10));
    const second = scheduler.grade(first.nextCard, 3, tenLater);
    expect(second.nextCard.state).toBe(2);
    expect(second.nextCard.scheduled_days).toBe(2);
    expect(second.reviewLog.state).toBe(1);
  });

  it("rolls back a grade to the state before it", () => {
    const scheduler = createScheduler({ enableFuzz: false });
    const a = scheduler.grade(null, 4, start);
    const later = new Date(a.nextCard.due);
    const b = scheduler.grade(a.nextCard, 1, later);
    const back = scheduler.rollback(b.nextCard, b.reviewLog);
    expect(back.state).toBe(a.nextCard.state);
    expect(back.stability).toBe(a.nextCard.stability);
    expect(back.difficulty).toBe(a.nextCard.difficulty);
    expect(back.reps).toBe(a.nextCard.reps);
    expect(back.lapses).toBe(a.nextCard.lapses);
  });

  it("spreads long intervals when fuzz is on", () => {
    const fuzzy = createScheduler({ enableFuzz: true });
    const plain = createScheduler({ enableFuzz: false });
    const seen = new Set<number>();
    let differs = false;
    for (let i = 0; i < 20; i++) {
      const now = new Date(start.getTime() + i * 1000);
      const card = plain.grade(null, 4, now).nextCard;
      const later = new Date(card.due);
      const fuzzed = fuzzy.grade(card, 4, later).nextCard.scheduled_days;
      seen.add(fuzzed);
      if (fuzzed !== plain.grade(card, 4, later).nextCard.scheduled_days) differs = true;
    }
    expect(differs).toBe(true);
  });
});

describe("interval labels", () => {
  it("formats gaps the way the grade buttons show them", async () => {
    const { formatRelative, formatDuration } = await import("@/app/lib/study/format");
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(formatInterval(start, at(30_000))).toBe("<1m");
    expect(formatInterval(start, at(minutes(10)))).toBe("10m");
    expect(formatInterval(start, at(minutes(300)))).toBe("5h");
    expect(formatInterval(start, at(days(3)))).toBe("3d");
    expect(formatInterval(start, at(days(45)))).toBe("1.5mo");
    expect(formatInterval(start, at(days(800)))).toBe("2.2y");
    expect(formatRelative(start, at(30_000))).toBe("in <1m");
    expect(formatRelative(start, at(-30_000))).toBe("now");
    expect(formatRelative(start, at(-days(2)))).toBe("2d ago");
    expect(formatDuration(200_000)).toBe("3m 20s");
  });
});
