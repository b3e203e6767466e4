import { describe, expect, it } from "vitest";
import { estimateAt, perDay, tradeOff } from "@/app/ui/settings/retention-figures";

const estimates = [
  { retention: 0.7, reviewsPerDay: 10, recalledAtEnd: 800 },
  { retention: 0.8, reviewsPerDay: 20, recalledAtEnd: 900 },
  { retention: 0.9, reviewsPerDay: 40, recalledAtEnd: 1_000 },
];

describe("estimateAt", () => {
  it("reads a simulated retention as is and one between two along the line; none outside", () => {
    expect(estimateAt(estimates, 0.8)).toEqual(estimates[1]);
    const between = estimateAt(estimates, 0.85)!;
    expect(between.reviewsPerDay).toBeCloseTo(30);
    expect(between.recalledAtEnd).toBeCloseTo(950);
    expect(estimateAt(estimates, 0.65)).toBeNull();
    expect(estimateAt(estimates, 0.95)).toBeNull();
  });
});

describe("tradeOff", () => {
  it("sets the retention against 0.10 lower, or higher at the bottom", () => {
    expect(tradeOff(estimates, 0.9, 90)).toBe(
      "At 0.90: about 40 reviews a day, and 1,000 cards you would recall after 90 days; at 0.80: 20 a day and 900 cards.",
    );
    expect(tradeOff(estimates, 0.7, 90)).toBe(
      "At 0.70: about 10 reviews a day, and 800 cards you would recall after 90 days; at 0.80: 20 a day and 900 cards.",
    );
    expect(tradeOff(estimates, 0.5, 90)).toBeNull();
  });

  it("keeps a decimal for small daily counts", () => {
    expect(perDay(2.345)).toBe("2.3");
    expect(perDay(1234.4)).toBe("1,234");
  });
});
