/** A realistic student's notes mixing several formats: the whole card list, in order. */
import { describe, expect, it } from "vitest";
import { basic, cloze, parseFixture, visible } from "./helpers";

describe("mixed biology notes (test/fixtures/formats/mixed-biology.md)", () => {
  const deck = parseFixture("mixed-biology");
  const practice = ["Transport", "Practice questions"];

  it("reads the front matter and uses the H1 only as the document heading", () => {
    expect(deck).toMatchObject({
      title: "Biology 101 - Cells",
      slug: "mixed-biology",
      tags: ["biology", "cells"],
      description: null,
    });
  });

  it("makes the cards a careful reader would, in document order", () => {
    const cellTheory = "All living things are made of **cells**, and every cell comes from an existing cell.";
    const division = "Mitosis produces two identical daughter cells; meiosis produces four gametes.";
    expect(visible(deck)).toEqual([
      // The heading names a theory and the paragraphs under it state it: a term card.
      basic(
        10,
        [],
        "Cell theory",
        `${cellTheory}\n\nThe theory was proposed by Schleiden and Schwann in 1838-39.`,
      ),
      basic(18, ["Organelles"], "Nucleus", "contains the cell's DNA and controls its activities."),
      basic(19, ["Organelles"], "Mitochondria", "site of aerobic respiration; produces `ATP`."),
      basic(
        20,
        ["Organelles"],
        "Ribosomes",
        "where proteins are made.\n\n- free in the cytoplasm\n- or bound to the rough ER",
      ),
      basic(31, ["Transport"], "Diffusion", "particles, from high to low concentration"),
      basic(32, ["Transport"], "Osmosis", "water, across a partially permeable membrane"),
      basic(33, ["Transport"], "Active transport", "particles, against the gradient, using `ATP`"),
      basic(35, ["Transport"], "Turgor pressure", "the push of the cell contents against the cell wall"),
      basic(
        39,
        practice,
        "What is the function of the cell membrane?",
        "Controls what enters and leaves the cell.",
      ),
      basic(
        41,
        practice,
        "Why do muscle cells have many mitochondria?",
        "- they need a lot of energy\n- for contraction",
      ),
      basic(
        46,
        practice,
        "What is a partially permeable membrane?",
        "One that lets some molecules through but not others.",
      ),
      cloze(
        51,
        ["Cell division"],
        "Mitosis produces [...] daughter cells; meiosis produces four gametes.",
        division,
      ),
      cloze(
        51,
        ["Cell division"],
        "Mitosis produces two identical daughter cells; meiosis produces [...] gametes.",
        division,
      ),
      basic(
        55,
        ["Cell division"],
        "What happens in prophase?",
        "Chromosomes condense and the nuclear envelope breaks down.",
      ),
    ]);
  });

  it("warns only about the practice question left unanswered", () => {
    expect(deck.warnings).toEqual([
      { line: 44, message: expect.stringContaining("What is the difference between diffusion") },
    ]);
  });
});
