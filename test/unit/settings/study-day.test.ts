import { describe, expect, it } from "vitest";
import { isValidTimeZone, studyDay } from "@/app/lib/settings";

const iso = (day: { start: Date; end: Date }) => ({
  start: day.start.toISOString(),
  end: day.end.toISOString(),
});
const hours = (day: { start: Date; end: Date }) => (day.end.getTime() - day.start.getTime()) / 3_600_000;

describe("studyDay", () => {
  it("starts at the learner's hour on their own wall clock (Paris, winter: UTC+1)", () => {
    expect(iso(studyDay(new Date("2026-01-15T12:00:00Z"), "Europe/Paris", 4))).toEqual({
      start: "2026-01-15T03:00:00.000Z",
      end: "2026-01-16T03:00:00.000Z",
    });
  });

  it("counts the small hours as the day before", () => {
    // 03:30 in Paris is before 4 am: still the 14th's study day.
    expect(iso(studyDay(new Date("2026-01-15T02:30:00Z"), "Europe/Paris", 4))).toEqual({
      start: "2026-01-14T03:00:00.000Z",
      end: "2026-01-15T03:00:00.000Z",
    });
    // At exactly 4 am the new day has begun.
    expect(studyDay(new Date("2026-01-15T03:00:00Z"), "Europe/Paris", 4).start.toISOString()).toBe(
      "2026-01-15T03:00:00.000Z",
    );
  });

  it("uses the zone, not the machine: the same instant is another study day in New York", () => {
    const now = new Date("2026-01-15T06:00:00Z"); // 07:00 in Paris, 01:00 in New York
    expect(iso(studyDay(now, "America/New_York", 4))).toEqual({
      start: "2026-01-14T09:00:00.000Z",
      end: "2026-01-15T09:00:00.000Z",
    });
    expect(studyDay(now, "Europe/Paris", 4).start.toISOString()).toBe("2026-01-15T03:00:00.000Z");
  });

  it("handles zones with a half-hour offset and a day starting at midnight", () => {
    expect(iso(studyDay(new Date("2026-06-01T20:00:00Z"), "Asia/Kolkata", 0))).toEqual({
      start: "2026-06-01T18:30:00.000Z",
      end: "2026-06-02T18:30:00.000Z",
    });
  });

  it("lasts 23 hours across the spring change and 25 across the autumn one (Paris)", () => {
    // Clocks go forward on 2026-03-29 at 02:00 (UTC+1 -> UTC+2).
    const spring = studyDay(new Date("2026-03-28T12:00:00Z"), "Europe/Paris", 4);
    expect(iso(spring)).toEqual({ start: "2026-03-28T03:00:00.000Z", end: "2026-03-29T02:00:00.000Z" });
    expect(hours(spring)).toBe(23);
    // Back on 2026-10-25 at 03:00 (UTC+2 -> UTC+1).
    const autumn = studyDay(new Date("2026-10-24T12:00:00Z"), "Europe/Paris", 4);
    expect(iso(autumn)).toEqual({ start: "2026-10-24T02:00:00.000Z", end: "2026-10-25T03:00:00.000Z" });
    expect(hours(autumn)).toBe(25);
  });

  it("across New York's spring change, with the day starting in the skipped hour", () => {
    // 2026-03-08 02:00 does not exist in New York: that day starts when the clock reads 03:00.
    const day = studyDay(new Date("2026-03-08T12:00:00Z"), "America/New_York", 2);
    expect(day.start.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(day.end.toISOString()).toBe("2026-03-09T06:00:00.000Z");
    const before = studyDay(new Date("2026-03-08T06:30:00Z"), "America/New_York", 2); // 01:30 EST
    expect(before.end.toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });

  it("always holds now, hour by hour through a year in two zones", () => {
    for (const zone of ["Europe/Paris", "America/New_York"]) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 * 7 + 60_000) {
        const day = studyDay(new Date(t), zone, 4);
        expect(day.start.getTime()).toBeLessThanOrEqual(t);
        expect(day.end.getTime()).toBeGreaterThan(t);
        expect([23, 24, 25]).toContain(hours(day));
      }
    }
  });

  it("answers each instant with its own day, whatever was asked before (the last day is remembered)", () => {
    const paris = (at: string, hour = 4) => iso(studyDay(new Date(at), "Europe/Paris", hour));
    const fifteenth = { start: "2026-01-15T03:00:00.000Z", end: "2026-01-16T03:00:00.000Z" };
    expect(paris("2026-01-15T12:00:00Z")).toEqual(fifteenth);
    // The first instant of the next day, the last of the day before, then back.
    expect(paris("2026-01-16T03:00:00Z").start).toBe("2026-01-16T03:00:00.000Z");
    expect(paris("2026-01-15T02:59:59.999Z").end).toBe("2026-01-15T03:00:00.000Z");
    expect(paris("2026-01-15T03:00:00Z")).toEqual(fifteenth);
    // Another start hour, or another zone, at the same instant.
    expect(paris("2026-01-15T12:00:00Z", 6).start).toBe("2026-01-15T05:00:00.000Z");
    expect(studyDay(new Date("2026-01-15T12:00:00Z"), "UTC", 4).start.toISOString()).toBe(
      "2026-01-15T04:00:00.000Z",
    );
    // A caller changing the Dates it got changes nothing for the next.
    const first = studyDay(new Date("2026-01-15T12:00:00Z"), "Europe/Paris", 4);
    first.start.setTime(first.start.getTime() - 3_600_000);
    first.end.setTime(first.end.getTime() + 3_600_000);
    expect(paris("2026-01-16T03:30:00Z").start).toBe("2026-01-16T03:00:00.000Z");
    expect(paris("2026-01-15T02:30:00Z").start).toBe("2026-01-14T03:00:00.000Z");
  });

  it("knows IANA zones and falls back to UTC for an unknown one", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(iso(studyDay(new Date("2026-01-15T12:00:00Z"), "Mars/Olympus", 4))).toEqual({
      start: "2026-01-15T04:00:00.000Z",
      end: "2026-01-16T04:00:00.000Z",
    });
  });
});
