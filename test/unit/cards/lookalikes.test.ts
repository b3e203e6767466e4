/** Things that look like `Term: definition` (or like questions) but are not cards. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, visible } from "./helpers";

describe("lookalikes", () => {
  it("makes no cards from a list of labels, times, ratios, URLs and sentences", () => {
    const source = [
      "- Meeting moved to 10:19 tomorrow",
      "- Mix flour and water 3:1",
      "- Note: bring a calculator",
      "- Warning: the lab is closed on Monday",
      "- Tip: start with the past papers",
      "- TODO: finish chapter 4",
      "- Example: see the worked problem",
      "- Source: https://example.com/notes",
      "- See also: [the syllabus](https://example.com/syllabus)",
      "- e.g.: mitochondria",
      "- resource: <https://example.com>",
      "- Documentation: https://docs.example.com",
      "- I went to the library yesterday and found out something: it closes early",
      "- https://example.com: the course page",
      "- :gear: works with broken links",
      "- watch (default: false) turns on polling",
      "- Please note: the room changed",
    ].join("\n");
    const deck = parseDeck(source);
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([]);
  });

  it("keeps real terms in a list that also holds lookalikes", () => {
    const source =
      "- Enzyme: a protein catalyst\n- Substrate: what an enzyme acts on\n- Note: both are on the test\n- See also: chapter 5\n";
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "Enzyme", "a protein catalyst"),
      basic(2, [], "Substrate", "what an enzyme acts on"),
    ]);
  });

  it("makes no cards of sentences, schedules or contact details written as `Label: value`", () => {
    const source = [
      "## Types",
      "",
      "Python has **dynamic typing**: a variable can hold any type.",
      "",
      "**Mutable vs immutable**: lists are mutable, tuples are not.",
      "",
      "## Lecture notes",
      "",
      "The professor said: this will be on the final.",
      "",
      "Key formula: MR = MC at the best output.",
      "",
      "## Misc",
      "",
      "Attendees: Sam, Priya, Jo",
      "Location: Room 4B / Zoom",
      "Agenda: Q2 planning",
      "",
      "Office hours: Tue 14:00-15:00, Gates 310",
      "TA: Priya (pp42@cornell.edu)",
      "",
      "## Stacks",
      "",
      "**Stack** — a LIFO collection.",
      "",
      "**Queue** – a FIFO collection.",
      "",
      "Pushing and popping are both O(1) — that's why stacks are fast.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      cloze(
        3,
        ["Types"],
        "Python has [...]: a variable can hold any type.",
        "Python has **dynamic typing**: a variable can hold any type.",
      ),
      basic(5, ["Types"], "Mutable vs immutable", "lists are mutable, tuples are not."),
      basic(24, ["Stacks"], "Stack", "a LIFO collection."),
      basic(26, ["Stacks"], "Queue", "a FIFO collection."),
    ]);
  });

  it("reads `email` as a term where a list defines it; contact lines are caught by their address", () => {
    const source =
      "- _email_: email address.\n- _uri_: full URI.\n\nEmail: pp42@cornell.edu\nPhone: 555 0100\n";
    // Italics around a term before its colon frame it, as bold does: the front is the term.
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "email", "email address."),
      basic(2, [], "uri", "full URI."),
    ]);
  });

  it("still reads a vocabulary list whose definitions show a time in code as an example", () => {
    const source =
      "- `%H:%M` - hours and minutes, such as `01:23`\n- `%Z` - time zone offset, such as `-07:00`\n";
    expect(visible(parseDeck(source))).toEqual([
      basic(1, [], "`%H:%M`", "hours and minutes, such as `01:23`"),
      basic(2, [], "`%Z`", "time zone offset, such as `-07:00`"),
    ]);
  });

  it("needs at least two plain terms, and at least half of the items, to call a list vocabulary", () => {
    expect(parseDeck("- Enzyme: a protein catalyst\n- we met in the lab\n").cards).toEqual([]);
    expect(
      parseDeck(
        "- Enzyme: a protein catalyst\n- Substrate: its target\n- lab on Monday\n- quiz on Friday\n- bring goggles\n",
      ).cards,
    ).toEqual([]);
    expect(parseDeck("Enzyme: a protein catalyst\n").cards).toEqual([]);
  });

  it("makes no card of a bold term whose definition is only a link", () => {
    const deck = parseDeck(
      "**Docs**: https://example.com\n\n- **Slides**: [week 3](https://example.com/w3)\n",
    );
    expect(deck.cards).toEqual([]);
  });

  it("does not read bold labels as definitions", () => {
    const deck = parseDeck(
      "**Note:** the exam is on Friday.\n\n**Warning**: do not mix bleach and ammonia.\n",
    );
    expect(deck.cards).toEqual([]);
  });

  it("reads numbered captions (Figure 1, Fig. 2.3, Table 4) as labels, not terms or facts", () => {
    const source = [
      "![cell](cell.png)",
      "**Figure 1**: An animal cell.",
      "",
      "**Fig. 2.3.** The nucleus.",
      "",
      "Table 4: results of the **titration**",
      "",
      "**Vitamin B12**: needed for nerve cells.",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      cloze(6, [], "Table 4: results of the [...]", "Table 4: results of the **titration**"),
      basic(8, [], "Vitamin B12", "needed for nerve cells."),
    ]);
  });

  it("makes no cards of task-list items, which are to-dos, unless they use explicit syntax", () => {
    const source = [
      "- [x] **Done**: finish the lab report",
      "- [ ] Read `chapter 3`",
      "- [ ] What is due on Friday?",
      "  - the essay",
      "- [ ] Capital of Peru::Lima",
    ].join("\n");
    const deck = parseDeck(source);
    expect(visible(deck)).toEqual([basic(5, [], "Capital of Peru", "Lima")]);
    expect(deck.warnings).toEqual([]);
  });

  it("reads the headers of a mathematical text (Definition., Proof:) as labels, not terms or facts", () => {
    const source = [
      "Definition: A group is a set with an associative operation.",
      "",
      "Proof: consider the cosets.",
      "",
      "**Definition.** A ring is a set with two operations.",
      "",
      "**Theorem 2.1** (Cayley): every group is a permutation group.",
      "",
      "def: keyword that starts a function",
      "return: exits the function with a value",
    ].join("\n");
    expect(visible(parseDeck(source))).toEqual([
      basic(7, [], "Theorem 2.1 (Cayley)", "every group is a permutation group."),
      basic(9, [], "def", "keyword that starts a function"),
      basic(10, [], "return", "exits the function with a value"),
    ]);
  });

  it("reads a short phrase ending in tip, hint or warning as a label, but not one ending in note", () => {
    const deck = parseDeck(
      '> **Exam tip:** "highly available" means two AZs.\n\n**Pro tip**: restart it.\n\n**Quarter note**: one beat in 4/4.\n',
    );
    expect(visible(deck)).toEqual([basic(5, [], "Quarter note", "one beat in 4/4.")]);
  });

  it("does not read C++ paths, IPv6 addresses or comparisons as explicit cards", () => {
    const deck = parseDeck(
      "Call std::sort on the vector.\n\nThe address fe80::1 is link-local.\n\nIn JavaScript a == b coerces types.\n",
    );
    expect(deck.cards).toEqual([]);
  });

  it("does not read a table of contents of question links as unanswered questions", () => {
    const deck = parseDeck(
      "## Contents\n\n- [What is this?](#what-is-this)\n- [When should I use this?](#when)\n",
    );
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([]);
  });

  it("does not read a question ending a later sentence, or a `?` in code, as a wrapped question", () => {
    const source = [
      "In the `number` line we deal with",
      "division, and in the other with a regex. How come?",
      "Because humans read the whole line.",
      "",
      "The object is left untouched when used in a `?`",
      "placeholder.",
    ].join("\n");
    expect(parseDeck(source).cards.every((card) => card.kind === "cloze")).toBe(true);
  });

  it("does not treat a rhetorical question at the end of a section as a card", () => {
    expect(parseDeck("## Summary\n\nWhat comes next?\n\n## Next\n").cards).toEqual([]);
  });
});

describe("lookalikes of this stop's new layouts", () => {
  const fronts = (source: string) => parseDeck(source).cards.map((card) => card.front);

  it("reads `P: pressure` / `R: gas constant` as variables, not as a `P:` / `R:` question and answer", () => {
    expect(fronts("PV = nRT\n\nP: pressure\nV: volume\nn: amount of gas\nR: gas constant\n")).toEqual([
      "PV",
      "P",
      "V",
      "n",
      "R",
    ]);
  });

  it("keeps Spaced Repetition cards whose term is hyphenated (`half-life::`), unlike Logseq's `card-repeats::`", () => {
    expect(
      fronts("half-life:: the time for half a sample to decay\nx-ray:: high-energy radiation\n"),
    ).toEqual(["half-life", "x-ray"]);
  });

  it("defines `Class:` / `Type:` / `Function:` in a glossary: generic names make a field list only beside a field such as `MOA:`", () => {
    expect(
      fronts(
        "## OOP vocabulary\n\n- Class: a blueprint for objects\n- Type: the kind of a value\n- Function: a named block of code\n",
      ),
    ).toEqual(["Class", "Type", "Function"]);
  });

  it("defines `**Mood:**`, `**Hook:**` and `**Rebuttal:**` in a glossary of literary terms", () => {
    expect(
      fronts(
        "- **Tone:** the author's attitude\n- **Mood:** the feeling a text creates\n- **Hook:** an opening that grabs the reader\n- **Rebuttal:** an answer to an objection\n",
      ),
    ).toEqual(["Tone", "Mood", "Hook", "Rebuttal"]);
  });

  it("keeps `P(A | B)` and `#include` as terms: a bar in brackets is notation, a `#` directive no Anki header", () => {
    expect(fronts("- P(A | B) - probability of A given B\n- P(A) - prior probability of A\n")).toEqual([
      "P(A | B)",
      "P(A)",
    ]);
    expect(fronts("- #include - copies a header in\n- #define - defines a macro\n")).toEqual([
      "#include",
      "#define",
    ]);
  });

  it("defines a toggle titled `Open reading frame` (only `Open`, `Show answer` and the like ask to be opened)", () => {
    const toggle = (summary: string) =>
      `<details><summary>${summary}</summary>\n\nA stretch of DNA between a start and a stop codon.\n\n</details>\n`;
    expect(fronts(toggle("Open reading frame"))).toEqual(["Open reading frame"]);
    expect(fronts(toggle("Show answer"))).toEqual([]);
  });

  it("keeps a `**Hint:**` under a question as written: a hint is no answer label", () => {
    const deck = parseDeck("**What is the capital of Australia?**\n**Hint:** it is not Sydney.\n");
    expect(deck.cards.map(({ front, back }) => ({ front, back }))).toEqual([
      { front: "What is the capital of Australia?", back: "**Hint:** it is not Sydney." },
    ]);
  });
});

describe("lookalikes of this stop's new layouts", () => {
  const fronts = (source: string) => parseDeck(source).cards.map((card) => card.front);

  it("splits no sentence at a closed em dash, and keeps `1914—1918: ...` a year", () => {
    const prose = [
      "- The war—which lasted four years—ended in 1918.",
      "- The treaty—signed at Versailles—ended it.",
      "- The league—founded in 1920—failed.",
    ].join("\n");
    expect(fronts(prose)).toEqual([]);
    const years = "- 1914—1918: First World War\n- 1939—1945: Second World War\n- 1950—1953: Korean War\n";
    expect(fronts(years)).toEqual(["1914—1918", "1939—1945", "1950—1953"]);
  });

  it("makes no deck of a numbered task or score table", () => {
    expect(
      fronts(
        "| # | Task | Status |\n|---|---|---|\n| 1 | Write the review | Done |\n| 2 | Plot data | Open |\n",
      ),
    ).toEqual([]);
  });

  it("keeps a glossary paragraph that opens in bold a glossary, a remark after it", () => {
    const source = [
      "**Inflation**: prices rise across the economy",
      "Deflation: prices fall across the economy",
      "Stagflation: high inflation with high unemployment",
      "(see chapter 4 for the graphs)",
    ].join("\n");
    expect(fronts(source)).toEqual(["Inflation", "Deflation", "Stagflation"]);
  });

  it("answers a bold term with its tab-indented `**Where:**` facts, not cards of the facts", () => {
    const source = [
      "**Photosynthesis**",
      "\t- **Where:** chloroplasts",
      "\t- **Inputs:** carbon dioxide and water",
      "",
      "**Respiration**",
      "\t- **Where:** mitochondria",
      "\t- **Inputs:** glucose and oxygen",
    ].join("\n");
    expect(fronts(source)).toEqual(["Photosynthesis", "Respiration"]);
  });

  it("keeps the terms under a tagged title (`#review`) that asks nothing", () => {
    const source = [
      "- Chapter 3 vocabulary #review",
      "\t- Osmosis: water moving across a membrane",
      "\t- Diffusion: particles spreading out",
      "\t- Turgor: pressure of water in a plant cell",
    ].join("\n");
    expect(fronts(source)).toEqual(expect.arrayContaining(["Osmosis", "Diffusion", "Turgor"]));
  });

  it("takes no highlighted item for the one answer of a question asking for several", () => {
    const source =
      "**What are the stages of mitosis?**\n\n- Prophase\n- ==Metaphase==\n- Anaphase\n- Telophase\n";
    expect(
      parseDeck(source).cards.filter((card) => card.back === "Metaphase" && card.kind === "basic"),
    ).toEqual([]);
  });

  it("reads letter headings out of alphabetical order (`## C`, `## R`, `## D`) as the terms they name", () => {
    const source = [
      "## C",
      "A systems language from Bell Labs.",
      "## R",
      "A language for statistics.",
      "## Go",
      "A language from Google.",
      "## D",
      "A systems language with garbage collection.",
    ].join("\n\n");
    expect(fronts(source)).toEqual(["C", "R", "Go", "D"]);
  });
});
