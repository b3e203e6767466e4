/**
 * Edges found while writing the layout tests: each guards a reading that went wrong once. Sources
 * are written here, in the layout that showed it.
 */
import { describe, expect, it } from "vitest";
import { DeckParseError, parseDeck } from "@/app/lib/cards";

const pairs = (markdown: string) => parseDeck(markdown).cards.map((card) => [card.front, card.back]);

describe("siblings that back a weak form", () => {
  it("are written the same way: sentences about a place do not make a dash line vocabulary", () => {
    const source = [
      "- The old town is easy to walk around.",
      "- Lunch is rarely served before two o'clock.",
      "- tapas - small plates",
      "- Buses stop running at midnight.",
    ].join("\n");
    expect(pairs(source)).toEqual([]);
  });

  it("include defining sentences one per line in a paragraph", () => {
    const source = "Comer is to eat.\nBeber is to drink.\nDormir is to sleep.\nHablar is to speak.\n";
    expect(pairs(source)).toEqual([
      ["Comer", "to eat."],
      ["Beber", "to drink."],
      ["Dormir", "to sleep."],
      ["Hablar", "to speak."],
    ]);
  });
});

describe("multiple choice", () => {
  it("answers with the marked option only, whether the whole option or just its letter is bold", () => {
    const source = [
      "- Which gas do plants give off in photosynthesis?",
      "  - a) carbon dioxide",
      "  - **b) oxygen**",
      "  - c) nitrogen",
      "- Which metal is liquid at room temperature?",
      "  - a) iron",
      "  - **b)** mercury",
      "  - c) zinc",
    ].join("\n");
    expect(pairs(source)).toEqual([
      ["Which gas do plants give off in photosynthesis?", "oxygen"],
      ["Which metal is liquid at room temperature?", "mercury"],
    ]);
  });

  it("makes no card when two options are marked alike", () => {
    expect(pairs("4 Which planet is the largest?\n-> A Saturn\n-> B Jupiter\nC Mars\n")).toEqual([]);
  });
});

describe("question headings", () => {
  it("over a list of six bold definitions title their section: the terms are the cards", () => {
    const terms = ["Belief", "Truth", "Justification", "Evidence", "Doubt", "Scepticism"];
    const source = `## What is knowledge?\n\n${terms.map((term) => `- **${term}**: a word about knowing.`).join("\n")}\n`;
    expect(pairs(source)).toEqual(terms.map((term) => [term, "a word about knowing."]));
  });

  it("end at a rule, and a label line after it is no term", () => {
    const source =
      "## What is a republic?\n\nA state without a monarch.\n\n---\n\nReading for next week: chapters four and five.\n";
    expect(pairs(source)).toEqual([["What is a republic?", "A state without a monarch."]]);
  });
});

describe("lookalikes", () => {
  it("a Dataview property is metadata even in a note with no other Obsidian syntax", () => {
    expect(pairs("up:: [[Languages]]\n\nbad::good\n")).toEqual([["bad", "good"]]);
  });

  it("a lone `?` with nothing above it asks nothing", () => {
    expect(pairs("?\nA line under a question mark.\n")).toEqual([]);
  });

  it("a heading over a question to the learner names a task, not a term", () => {
    const source = [
      "## Warm-up",
      "",
      "What do you already know about volcanoes?",
      "",
      "## Magma",
      "",
      "Magma is molten rock below the surface.",
      "",
      "## Lava",
      "",
      "Lava is magma that has reached the surface.",
    ].join("\n");
    expect(pairs(source)).toEqual([
      ["Magma", "Magma is molten rock below the surface."],
      ["Lava", "Lava is magma that has reached the surface."],
    ]);
  });
});

describe("nesting", () => {
  it("refuses quotes or lists nested past 100 levels with a DeckParseError at the line, before any recursion", () => {
    for (const source of ["> ".repeat(3000) + "deep\n", "- ".repeat(3000) + "deep\n"]) {
      expect(() => parseDeck(source, { fileName: "deep.md" })).toThrow(DeckParseError);
      expect(() => parseDeck(source, { fileName: "deep.md" })).toThrow(/deep\.md:1: .*nested 3000 levels/);
    }
  });

  it("reads ordinary nesting", () => {
    const nested = Array.from({ length: 12 }, (_, level) => `${"  ".repeat(level)}- level ${level}`).join(
      "\n",
    );
    expect(() => parseDeck(nested)).not.toThrow();
  });
});
