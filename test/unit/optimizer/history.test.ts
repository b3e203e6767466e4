import { describe, expect, it } from "vitest";
import { buildCardHistories, countPredictedReviews, toTrainingItems } from "@/app/lib/optimizer/history";
import { studyDay } from "@/app/lib/optimizer/study-day";
import type { ReviewEvent } from "@/app/lib/optimizer/types";

const utc = { dayStartHour: 4, timeZone: "UTC" };
const event = (cardId: string, rating: number, state: number, iso: string): ReviewEvent => ({
  cardId,
  rating,
  state,
  review: new Date(iso),
});
const shape = (histories: ReturnType<typeof buildCardHistories>) =>
  histories.map(({ cardId, steps }) => ({
    cardId,
    steps: steps.map(({ rating, deltaT }) => [rating, deltaT]),
  }));

describe("study days", () => {
  it("starts a day at dayStartHour: 03:59 belongs to the day before, 04:00 to the new one", () => {
    const first = studyDay(new Date("2026-03-02T03:59:00Z"), utc);
    expect(studyDay(new Date("2026-03-01T12:00:00Z"), utc)).toBe(first);
    expect(studyDay(new Date("2026-03-02T04:00:00Z"), utc)).toBe(first + 1);
  });

  it("counts days in the learner's time zone, across a daylight-saving change", () => {
    const paris = { dayStartHour: 4, timeZone: "Europe/Paris" };
    // 02:30 UTC is 03:30 in Paris in winter (still the previous study day) ...
    const winter = studyDay(new Date("2026-01-10T02:30:00Z"), paris);
    expect(winter).toBe(studyDay(new Date("2026-01-09T20:00:00Z"), paris));
    // ... and 04:30 in summer (a new study day).
    const summer = studyDay(new Date("2026-07-10T02:30:00Z"), paris);
    expect(summer).toBe(studyDay(new Date("2026-07-10T20:00:00Z"), paris));
    expect(summer - winter).toBe(182); // 9 January -> 10 July
  });
});

describe("review log -> card histories (Anki's rules)", () => {
  it("groups by card, sorts by time, and counts intervals in study days", () => {
    const histories = buildCardHistories(
      [
        event("a", 3, 2, "2026-01-04T10:00:00Z"),
        event("a", 3, 0, "2026-01-01T10:00:00Z"),
        event("b", 1, 0, "2026-01-01T23:00:00Z"),
        event("a", 3, 1, "2026-01-01T10:10:00Z"),
        event("b", 3, 3, "2026-01-02T05:00:00Z"),
      ],
      utc,
    );
    expect(shape(histories)).toEqual([
      {
        cardId: "a",
        steps: [
          [3, 0],
          [3, 0],
          [3, 3],
        ],
      },
      // 23:00 and 05:00 the next morning are one study day apart.
      {
        cardId: "b",
        steps: [
          [1, 0],
          [3, 1],
        ],
      },
    ]);
  });

  it("keeps only the last learning run: reviews before a card became new again are dropped", () => {
    const histories = buildCardHistories(
      [
        event("a", 3, 0, "2026-01-01T10:00:00Z"),
        event("a", 3, 2, "2026-01-05T10:00:00Z"),
        event("a", 4, 0, "2026-02-01T10:00:00Z"),
        event("a", 2, 2, "2026-02-03T10:00:00Z"),
      ],
      utc,
    );
    expect(shape(histories)).toEqual([
      {
        cardId: "a",
        steps: [
          [4, 0],
          [2, 2],
        ],
      },
    ]);
  });

  it("skips cards with no learning review and entries that are not grades", () => {
    const histories = buildCardHistories(
      [
        event("mid-way", 3, 2, "2026-01-01T10:00:00Z"),
        event("mid-way", 3, 2, "2026-01-09T10:00:00Z"),
        event("a", 3, 0, "2026-01-01T10:00:00Z"),
        event("a", 0, 2, "2026-01-02T10:00:00Z"),
        event("a", 3, 2, "2026-01-03T10:00:00Z"),
      ],
      utc,
    );
    expect(shape(histories)).toEqual([
      {
        cardId: "a",
        steps: [
          [3, 0],
          [3, 2],
        ],
      },
    ]);
  });

  it("makes one training item per review on a later day, holding the reviews up to it", () => {
    const histories = buildCardHistories(
      [
        event("a", 3, 0, "2026-01-01T10:00:00Z"),
        event("a", 4, 1, "2026-01-01T10:10:00Z"),
        event("a", 3, 2, "2026-01-06T10:00:00Z"),
        event("a", 1, 2, "2026-01-16T10:00:00Z"),
        event("a", 3, 3, "2026-01-16T10:10:00Z"),
      ],
      utc,
    );
    expect(countPredictedReviews(histories)).toBe(2);
    expect(toTrainingItems(histories)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 4, deltaT: 0 },
        { rating: 3, deltaT: 5 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 4, deltaT: 0 },
        { rating: 3, deltaT: 5 },
        { rating: 1, deltaT: 10 },
      ],
    ]);
    // A training split: only reviews before the cut are predicted.
    expect(toTrainingItems(histories, new Date("2026-01-10T00:00:00Z"))).toHaveLength(1);
    expect(countPredictedReviews(histories, new Date("2026-01-10T00:00:00Z"))).toBe(1);
  });
});
