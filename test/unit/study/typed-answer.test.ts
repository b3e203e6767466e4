import { describe, expect, it } from "vitest";
import {
  compareTyped,
  describeComparison,
  diffChars,
  normaliseTyped,
  suggestGrade,
} from "@/app/lib/study/typed-answer";

const join = (parts: { type: string; text: string }[], keep: string[]) =>
  parts
    .filter((part) => keep.includes(part.type))
    .map((part) => part.text)
    .join("");

describe("typed answers", () => {
  it("marks a swapped pair of letters as one wrong and one missing character around the right ones", () => {
    const parts = diffChars("Pairs", "Paris");
    // The typed text is what is same + wrong; the answer is what is same + missing.
    expect(join(parts, ["same", "wrong"])).toBe("Pairs");
    expect(join(parts, ["same", "missing"])).toBe("Paris");
    expect(
      parts
        .filter((part) => part.type === "wrong")
        .map((part) => part.text)
        .join(""),
    ).toHaveLength(1);
    expect(
      parts
        .filter((part) => part.type === "missing")
        .map((part) => part.text)
        .join(""),
    ).toHaveLength(1);
  });

  it("reports a missing ending as missing only, and an extra word as wrong only", () => {
    expect(diffChars("Pari", "Paris")).toEqual([
      { type: "same", text: "Pari" },
      { type: "missing", text: "s" },
    ]);
    expect(diffChars("the Paris", "Paris")).toEqual([
      { type: "wrong", text: "the " },
      { type: "same", text: "Paris" },
    ]);
  });

  it("ignores case, spacing and a closing full stop, but not accents", () => {
    expect(compareTyped("  paris. ", "Paris").ratio).toBe(1);
    expect(compareTyped("new   york", "New York").suggested).toBe(3);
    expect(compareTyped("cafe", "café").ratio).toBeLessThan(1);
    expect(normaliseTyped("a  b;")).toBe("a b");
  });

  it("suggests Good when exact, Hard for a typo (ratio >= 0.8) and Again for another word", () => {
    expect(compareTyped("Paris", "Paris").suggested).toBe(3);
    expect(compareTyped("Pari", "Paris").suggested).toBe(2);
    expect(compareTyped("mitochondira", "mitochondria").suggested).toBe(2);
    expect(compareTyped("car", "cat").suggested).toBe(1);
    expect(compareTyped("photosynthesis", "respiration").suggested).toBe(1);
    expect(compareTyped("", "Paris").suggested).toBe(1);
    expect([suggestGrade(1), suggestGrade(0.8), suggestGrade(0.79)]).toEqual([3, 2, 1]);
  });

  it("counts wrong and missing characters and says so in one sentence", () => {
    const result = compareTyped("Pari", "Paris");
    expect(result).toMatchObject({ wrong: 0, missing: 1, ratio: 8 / 9 });
    expect(describeComparison(result, "Hard")).toBe(
      "Close: 1 missing character. The answer is Paris. Suggested grade: Hard.",
    );
    expect(describeComparison(compareTyped("Paris", "Paris"), "Good")).toBe(
      "Correct. Suggested grade: Good.",
    );
    expect(describeComparison(compareTyped("", "Paris"), "Again")).toMatch(/^No answer typed/);
  });

  it("compares characters outside the Basic Multilingual Plane whole", () => {
    expect(diffChars("𝑥+1", "𝑥+2")).toEqual([
      { type: "same", text: "𝑥+" },
      { type: "wrong", text: "1" },
      { type: "missing", text: "2" },
    ]);
  });
});
