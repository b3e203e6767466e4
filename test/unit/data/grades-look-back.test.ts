import { describe, expect, it } from "vitest";
import { gradesLookBackMs } from "@/app/lib/data/queue-sql";
import { studyDay } from "@/app/lib/settings";

// The queue reads take grades from now - gradesLookBackMs before they know the learner's day start:
// a study day starting earlier would lose its first grades from the day's limits and burying.
describe("the grades' look-back before the study day is known", () => {
  const zones = [
    "UTC",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Europe/Paris",
    "Australia/Lord_Howe",
  ];
  // Around the 2026 clock changes and ordinary days, every 20 minutes.
  const starts = [
    "2026-03-07T00:00:00Z",
    "2026-03-28T00:00:00Z",
    "2026-10-03T00:00:00Z",
    "2026-10-24T00:00:00Z",
  ];

  it("reaches back past the start of every study day, in any zone and at any start hour", () => {
    let longest = 0;
    for (const zone of zones)
      for (const start of starts)
        for (let step = 0; step < 3 * 72; step++) {
          const now = new Date(Date.parse(start) + step * 20 * 60_000);
          for (let hour = 0; hour < 24; hour++)
            longest = Math.max(longest, now.getTime() - studyDay(now, zone, hour).start.getTime());
        }
    expect(longest).toBeGreaterThan(23 * 3_600_000);
    expect(longest).toBeLessThanOrEqual(gradesLookBackMs);
  });
});
