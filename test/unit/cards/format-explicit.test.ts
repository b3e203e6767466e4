/** Format 5: the Obsidian Spaced Repetition plugin's syntax and cloze deletions. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, parseFixture, reversed, visible } from "./helpers";
import { sides } from "./layout-helpers";

describe("explicit syntax (test/fixtures/formats/explicit-syntax.md)", () => {
  const deck = parseFixture("explicit-syntax");

  it("reads ::, :::, multi-line ? and ?? cards, highlights and numbered clozes", () => {
    expect(visible(deck)).toEqual([
      basic(3, [], "Capital of France", "Paris"),
      basic(4, [], "Capital of Spain", "Madrid"),
      reversed(7, [], "Largest ocean", "Pacific"),
      reversed(7, [], "Pacific", "Largest ocean"),
      basic(9, [], "Name the three largest\ncountries by area", "Russia, Canada,\nUnited States"),
      reversed(15, [], "Longest river", "The Nile"),
      reversed(15, [], "The Nile", "Longest river"),
      basic(19, [], "List the Great Lakes", "- Superior\n- Michigan\n- Huron\n- Erie\n- Ontario"),
      basic(27, [], "Highest mountain", "Mount Everest"),
      cloze(29, [], "The [...] flows into the Atlantic Ocean.", "The Amazon flows into the Atlantic Ocean."),
      cloze(29, [], "The Amazon flows into the [...].", "The Amazon flows into the Atlantic Ocean."),
      cloze(
        31,
        [],
        "The [...] is in Africa, the [...] in Asia.",
        "The Sahara is in Africa, the Gobi in Asia.",
      ),
      cloze(
        31,
        [],
        "The Sahara is in [...], the Gobi in Asia.",
        "The Sahara is in Africa, the Gobi in Asia.",
      ),
      cloze(
        31,
        [],
        "The Sahara is in Africa, the Gobi in [continent].",
        "The Sahara is in Africa, the Gobi in Asia.",
      ),
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it("numbers clozes by their Anki number and keys them without the hint", () => {
    const keys = deck.cards.filter((card) => card.line === 31).map((card) => card.key);
    expect(keys).toEqual([
      "cloze:1:the [...] is in africa, the [...] in asia.",
      "cloze:2:the sahara is in [...], the gobi in asia.",
      "cloze:3:the sahara is in africa, the gobi in [...].",
    ]);
  });

  it("gives the two directions of a reversed note different keys", () => {
    const keys = deck.cards.filter((card) => card.kind === "reversed").map((card) => card.key);
    expect(keys).toEqual([
      "reversed:forward:largest ocean",
      "reversed:backward:largest ocean",
      "reversed:forward:longest river",
      "reversed:backward:longest river",
    ]);
  });

  it("lets explicit syntax win over an implicit format in the same block", () => {
    const source =
      "- **Mitochondria**: the ==powerhouse== of the cell\n- **What is ATP?** :: the energy currency\n";
    expect(visible(parseDeck(source))).toEqual([
      cloze(1, [], "**Mitochondria**: the [...] of the cell", "**Mitochondria**: the powerhouse of the cell"),
      basic(2, [], "**What is ATP?**", "the energy currency"),
    ]);
  });

  it("reads :: glued to the words around it as a separator when the sides are prose, not code (Rust paths too)", () => {
    const source = [
      "A process is a program in execution::An instance of a program with its own memory",
      "",
      "Beta blockers end in -olol::e.g. metoprolol, propranolol",
      "",
      "Use crate::Config here, and std::vector::size there.",
      "",
      "- Krebs cycle::citric acid cycle",
      "- dog::perro",
      "- Call foo::bar() or a::b::c, never fe80::1.",
      "- io::stdin reads a line, Vec::new makes a vector",
      "- Paths begin crate::.",
      "- Japan::Tokyo",
      "- String::a sequence of characters",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "A process is a program in execution", "An instance of a program with its own memory"),
      basic(3, [], "Beta blockers end in -olol", "e.g. metoprolol, propranolol"),
      basic(7, [], "Krebs cycle", "citric acid cycle"),
      basic(8, [], "dog", "perro"),
      basic(12, [], "Japan", "Tokyo"),
      basic(13, [], "String", "a sequence of characters"),
    ]);
  });

  it("reads a line highlighted whole as stress, not a cloze hiding all of it; highlights beside words stay clozes", () => {
    const source = [
      "## Momentum",
      "",
      "- ==The momentum of a body is its mass times its velocity==$$p = mv$$",
      "",
      "## Water",
      "",
      "- ==H2O== - ==water==",
    ].join("\n");
    expect(sides(parseDeck(source))).toEqual([
      { front: "Momentum", back: "==The momentum of a body is its mass times its velocity==$p = mv$" },
      { front: "[...] - water", back: "H2O - water" },
      { front: "H2O - [...]", back: "H2O - water" },
    ]);
  });

  it("warns about a :: card with an empty side", () => {
    const deck = parseDeck("Intro\n\nMeaning of life ::\n");
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([{ line: 3, message: expect.stringContaining("no answer") }]);
  });
});
