import { describe, expect, it } from "vitest";
import { formatWait } from "@/app/lib/home/format-wait";
import { countStreak } from "@/app/lib/home/streak";
import { dayBefore, todayBounds } from "@/app/lib/home/today";

describe("countStreak (today first)", () => {
  it("counts today once studied, and the days before it without a gap", () => {
    expect(countStreak([true, true, true, false, true])).toBe(3);
  });
  it("runs up to yesterday while today has no review yet", () => {
    expect(countStreak([false, true, true, false])).toBe(2);
  });
  it("is 0 after a day without reviews before today", () => {
    expect(countStreak([false, false, true])).toBe(0);
    expect(countStreak([])).toBe(0);
  });
  it("is 1 for a first day of study", () => {
    expect(countStreak([true, false])).toBe(1);
  });
});

describe("study day bounds", () => {
  it("gives the day holding now, and the day before it, from the learner's hour in their zone", () => {
    const clock = { timeZone: "Europe/Paris", dayStartHour: 4 };
    const now = new Date("2026-03-10T14:30:00Z");
    const today = todayBounds(now, clock);
    expect(today).toEqual({ start: new Date("2026-03-10T03:00:00Z"), end: new Date("2026-03-11T03:00:00Z") });
    expect(dayBefore(today, clock)).toEqual({
      start: new Date("2026-03-09T03:00:00Z"),
      end: new Date("2026-03-10T03:00:00Z"),
    });
    // 02:00 in Paris still belongs to the day before.
    expect(todayBounds(new Date("2026-03-10T01:00:00Z"), clock)).toEqual(dayBefore(today, clock));
  });
});

describe("formatWait", () => {
  const now = new Date(2026, 2, 10, 12, 0);
  const later = (ms: number) => new Date(now.getTime() + ms);
  it("says how long in words", () => {
    expect(formatWait(now, later(3 * 3_600_000))).toBe("in 3 hours");
    expect(formatWait(now, later(60_000))).toBe("in 1 minute");
    expect(formatWait(now, later(20_000))).toBe("in less than a minute");
    expect(formatWait(now, later(2 * 86_400_000))).toBe("in 2 days");
    expect(formatWait(now, later(-1))).toBe("now");
  });
});
