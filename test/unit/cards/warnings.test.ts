/** Warnings: each names the source line of the thing that could not become a card. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";

describe("warnings", () => {
  const source = [
    "# Warnings", // 1
    "", // 2
    "- **What is an unanswered question?**", // 3
    "- **What is answered?** Yes.", // 4
    "", // 5
    "**Empty term**:", // 6
    "", // 7
    "| Term | Meaning |", // 8
    "| --- | --- |", // 9
    "| whole | row |", // 10
    "|  | missing term |", // 11
    "", // 12
    "| A | B | C |", // 13
    "| --- | --- | --- |", // 14
    "| 1 | 2 | 3 |", // 15
    "", // 16
    "Front only ::", // 17
    "", // 18
    "## Is this heading answered?", // 19
    "", // 20
    "## Next", // 21
    "", // 22
    "**Full**: a definition", // 23
    "", // 24
    "**full**: a definition", // 25
  ].join("\n");
  const deck = parseDeck(source, { fileName: "warnings.md" });

  it("reports every problem at its own line, in line order", () => {
    expect(deck.warnings.map((warning) => warning.line)).toEqual([3, 6, 11, 13, 17, 19, 25]);
  });

  it("says what was wrong", () => {
    const messages = deck.warnings.map((warning) => warning.message);
    expect(messages[0]).toMatch(/What is an unanswered question\?.*no answer/);
    expect(messages[1]).toMatch(/Empty term.*no answer/);
    expect(messages[2]).toMatch(/empty cell/);
    expect(messages[3]).toMatch(/3 columns/);
    expect(messages[4]).toMatch(/Front only.*no answer/);
    expect(messages[5]).toMatch(/Is this heading answered\?.*no answer/);
    expect(messages[6]).toMatch(/Duplicate.*line 23/);
  });

  it("still makes the cards around the problems", () => {
    expect(deck.cards.map((card) => [card.line, card.front])).toEqual([
      [4, "What is answered?"],
      [10, "whole"],
      [23, "Full"],
    ]);
  });
});

describe("cloze syntax that almost works", () => {
  it("warns at the line instead of making nothing or a broken card", () => {
    const deck = parseDeck(
      "The {{heart}} pumps blood.\n\nThe {{c1:lungs}} breathe.\n\nThe {{c2::liver} filters.\n\nThe {{c1::kidney}} cleans.\n",
    );
    expect(deck.cards.map((card) => card.front)).toEqual(["The [...] cleans."]);
    expect(deck.warnings).toEqual([
      { line: 1, message: expect.stringMatching(/"\{\{heart\}\}" has no number: write \{\{c1::heart\}\}/) },
      { line: 3, message: expect.stringMatching(/one colon: write \{\{c1::lungs\}\}/) },
      { line: 5, message: expect.stringMatching(/"\{\{c2::liver\}" is not closed/) },
    ]);
  });
});
