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
  it("gives the day holding now, and the day before it", () => {
    const now = new Date(2026, 2, 10, 15, 30);
    const today = todayBounds(now);
    expect(today).toEqual({ start: new Date(2026, 2, 10), end: new Date(2026, 2, 11) });
    expect(dayBefore(today)).toEqual({ start: new Date(2026, 2, 9), end: new Date(2026, 2, 10) });
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
