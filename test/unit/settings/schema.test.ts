import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  becomesLeech,
  defaultLearnerSettings,
  deckOverridesSchema,
  learnerSettingsSchema,
  noOverrides,
  parseFsrsParameters,
  parseSteps,
  resolveDeckSettings,
  schedulingOptionsOf,
} from "@/app/lib/settings";

// What the settings form posts: every field a string, the checkbox a boolean.
const form = {
  newPerDay: "20",
  maxReviewsPerDay: "200",
  desiredRetention: "0.9",
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  dayStartHour: "4",
  timeZone: "Europe/Paris",
  burySiblings: true,
  leechThreshold: "8",
};
const errorsOf = (input: unknown) => {
  const parsed = learnerSettingsSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("learner settings schema", () => {
  it("turns the form's strings into settings, steps tidied", () => {
    expect(learnerSettingsSchema.parse({ ...form, learningSteps: "  1m   10m " })).toEqual({
      newPerDay: 20,
      maxReviewsPerDay: 200,
      desiredRetention: 0.9,
      learningSteps: "1m 10m",
      relearningSteps: "10m",
      dayStartHour: 4,
      timeZone: "Europe/Paris",
      burySiblings: true,
      leechThreshold: 8,
    });
  });

  it.each([
    ["newPerDay", "-1", /at least 0/],
    ["newPerDay", "10000", /at most 9999/],
    ["newPerDay", "2.5", /whole number/],
    ["newPerDay", "lots", /must be a number/],
    ["maxReviewsPerDay", "100000", /at most 99999/],
    ["desiredRetention", "0.69", /at least 0.70/],
    ["desiredRetention", "0.98", /at most 0.97/],
    ["learningSteps", "1m ten", /"ten" is not a step/],
    ["learningSteps", "0m", /"0m" is not a step/],
    ["relearningSteps", "5s", /"5s" is not a step/],
    ["relearningSteps", "400d", /longer than a year/],
    ["dayStartHour", "24", /at most 23/],
    ["timeZone", "Mars/Olympus", /Time zone must be/],
    ["leechThreshold", "0", /at least 1/],
  ])("refuses %s = %s with a message naming the field", (field, value, message) => {
    const errors = errorsOf({ ...form, [field]: value }) as Record<string, string[]>;
    expect(errors[field]?.join(" ")).toMatch(message);
  });

  it("accepts the bounds and steps in hours and days, or none", () => {
    expect(
      learnerSettingsSchema.parse({
        ...form,
        newPerDay: "0",
        maxReviewsPerDay: "99999",
        desiredRetention: "0.97",
        learningSteps: "",
        relearningSteps: "1.5h 1d",
        dayStartHour: "0",
      }),
    ).toMatchObject({ newPerDay: 0, desiredRetention: 0.97, learningSteps: "", relearningSteps: "1.5h 1d" });
    expect(parseSteps("1m 10m 1h 1d")).toEqual({ steps: ["1m", "10m", "1h", "1d"] });
  });
});

describe("deck overrides", () => {
  it("reads blank fields as inherit and keeps the rest", () => {
    expect(
      deckOverridesSchema.parse({
        newPerDay: "3",
        maxReviewsPerDay: "",
        desiredRetention: " ",
        learningSteps: "",
        relearningSteps: "5m",
      }),
    ).toEqual({ ...noOverrides, newPerDay: 3, relearningSteps: "5m" });
    expect(deckOverridesSchema.safeParse({ ...noOverrides, desiredRetention: "0.5" }).success).toBe(false);
  });

  it("resolves: the deck's value wins where it has one, the learner's elsewhere", () => {
    const learner = {
      ...defaultLearnerSettings,
      newPerDay: 20,
      desiredRetention: 0.9,
      timeZone: "Asia/Tokyo",
    };
    const resolved = resolveDeckSettings(learner, { ...noOverrides, newPerDay: 0, desiredRetention: 0.8 });
    expect(resolved).toMatchObject({
      newPerDay: 0,
      desiredRetention: 0.8,
      maxReviewsPerDay: 200,
      timeZone: "Asia/Tokyo",
    });
    expect(resolveDeckSettings(learner, null)).toEqual(learner);
  });

  it("gives the scheduler its options as plain data", () => {
    const weights = Array.from({ length: 21 }, (_, i) => i / 10);
    expect(
      schedulingOptionsOf({
        ...defaultLearnerSettings,
        learningSteps: "",
        relearningSteps: "5m 1h",
        fsrsParameters: weights,
      }),
    ).toEqual({
      requestRetention: 0.9,
      learningSteps: [],
      relearningSteps: ["5m", "1h"],
      parameters: weights,
    });
  });
});

describe("stored FSRS parameters", () => {
  it("are used only when they are 21 finite numbers", () => {
    const weights = Array.from({ length: 21 }, (_, i) => i + 0.5);
    expect(parseFsrsParameters(JSON.stringify(weights))).toEqual(weights);
    expect(parseFsrsParameters(null)).toBeNull();
    expect(parseFsrsParameters("not json")).toBeNull();
    expect(parseFsrsParameters(JSON.stringify(weights.slice(0, 19)))).toBeNull();
    expect(parseFsrsParameters(JSON.stringify([...weights.slice(0, 20), "x"]))).toBeNull();
  });
});

describe("leech rule", () => {
  it("fires on the lapse that reaches the threshold, then every half threshold", () => {
    expect(becomesLeech(6, 7, 8)).toBe(false);
    expect(becomesLeech(7, 8, 8)).toBe(true);
    expect(becomesLeech(8, 8, 8)).toBe(false); // no new lapse
    expect([9, 10, 11, 12, 16].map((n) => becomesLeech(n - 1, n, 8))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(becomesLeech(0, 1, 1)).toBe(true);
  });
});
