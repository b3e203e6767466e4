/**
 * Readings the newer layout rules must leave as they were: each fixture is a note a rule was
 * found to misread in review (a homograph list read as steps, `Give one example.` read as the
 * answer, a glossary under a bold line taken as its answer, term lines over tab-indented bullets
 * lifted apart, `For example:` read as an empty entry, a numbered question over an arrow list).
 */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { parseLayout, sides } from "./layout-helpers";

describe("readings kept", () => {
  it("keeps a homograph defined twice in a row (test/fixtures/layouts/homographs.md)", () => {
    expect(sides(parseLayout("homographs"))).toEqual([
      { front: "bass", back: "a low voice" },
      { front: "bass", back: "a kind of fish" },
      { front: "lead", back: "to guide" },
      { front: "lead", back: "a soft grey metal" },
    ]);
  });

  it("keeps the `A:` answer of a `Q:` that asks more after its `?` (test/fixtures/layouts/question-asking-more.md)", () => {
    expect(sides(parseLayout("question-asking-more"))).toEqual([
      {
        front: "What is negligence? Give one example.",
        back: "Failing to take reasonable care, e.g. driving while texting.",
      },
    ]);
  });

  it("keeps the terms of a list under a bold line that is mostly terms (test/fixtures/layouts/bold-line-over-mostly-terms.md)", () => {
    expect(sides(parseLayout("bold-line-over-mostly-terms"))).toEqual([
      { front: "artery", back: "carries blood away from the heart" },
      { front: "vein", back: "carries blood back to the heart" },
      { front: "capillary", back: "where exchange with the tissues happens" },
    ]);
  });

  it("keeps term lines with their tab-indented bullets (test/fixtures/layouts/term-lines-over-tab-bullets.md)", () => {
    expect(sides(parseLayout("term-lines-over-tab-bullets"))).toEqual([
      {
        front: "Osmosis",
        back: "water moving across a membrane\n- needs a partially permeable membrane\n- from dilute to concentrated",
      },
      { front: "Diffusion", back: "particles spreading out\n- no membrane needed\n- down a gradient" },
    ]);
  });

  it("keeps `For example:` and its line in the definition (test/fixtures/layouts/definition-with-example-line.md)", () => {
    expect(sides(parseLayout("definition-with-example-line"))).toEqual([
      {
        front: "Inflation",
        back: "a general rise in prices\nFor example:\na bus fare going from $2 to $2.20",
      },
      { front: "Deflation", back: "a general fall in prices" },
    ]);
  });

  it("keeps a `1)` numbered question answered by an arrow list (test/fixtures/layouts/numbered-questions-over-arrow-lists.md)", () => {
    expect(sides(parseLayout("numbered-questions-over-arrow-lists"))).toEqual([
      {
        front: "OSPF neighbour states in order",
        back: "- Down → Init: a hello was received\n- Init → 2-Way: the router saw itself in the hello",
      },
      { front: "What does a DR do?", back: "It cuts the number of adjacencies on a shared segment." },
    ]);
  });
});

describe("readings kept: words the newer rules treat specially", () => {
  it("answers from the key when several options are in italics (test/fixtures/layouts/italic-options-with-key.md)", () => {
    expect(sides(parseLayout("italic-options-with-key"))).toEqual([
      { front: "Which of these is a yeast?", back: "Saccharomyces cerevisiae" },
    ]);
  });

  it("defines `Page` and `Usage` in a glossary (test/fixtures/layouts/glossary-of-header-words.md)", () => {
    expect(sides(parseLayout("glossary-of-header-words"))).toEqual([
      { front: "Page", back: "a fixed-size block of virtual memory" },
      { front: "Frame", back: "a fixed-size block of physical memory" },
      { front: "Usage", back: "how much of a resource is in use" },
    ]);
  });

  // Review of stop 23's rules: notes they were not written for, read as before.
  const read = (markdown: string) => sides(parseDeck(markdown));

  it("makes no term of a lone journal or meeting heading over tasks or a diary line", () => {
    expect(
      read("# Team sync\n\n## Action items\n- email Bob about the budget\n- fix the login bug\n"),
    ).toEqual([]);
    expect(read("# Day\n\n## Morning\nwent to the gym before class\n")).toEqual([]);
  });

  it("answers no `Q1.` with its options or with the code it asks about", () => {
    expect(read("Q1. Which port does LDAPS use?\nA. 389\nB. 636\nC. 443\n")).toEqual([]);
    expect(read('Q2. What does this print?\nprint(len("hello"))\n')).toEqual([]);
  });

  it("keeps first-person how-to questions (`Do I need to ...?`, `... myself ...`, `Why am I getting ...?`)", () => {
    expect(
      read(
        "Q: Do I need to call super() in a subclass constructor?\nA: Yes, before using `this`.\n\n" +
          "Q: How do I protect myself from XSS?\nA: Escape output and set a CSP.\n\n" +
          "## Why am I getting a CORS error?\nThe server sends no Access-Control-Allow-Origin header.\n",
      ),
    ).toEqual([
      { front: "Do I need to call super() in a subclass constructor?", back: "Yes, before using `this`." },
      { front: "How do I protect myself from XSS?", back: "Escape output and set a CSP." },
      {
        front: "Why am I getting a CORS error?",
        back: "The server sends no Access-Control-Allow-Origin header.",
      },
    ]);
  });

  it("takes no progress checklist under a question for its options", () => {
    expect(
      read("What do we need to finish before the midterm?\n\n- [x] chapter 1 notes\n- [ ] chapter 2 notes\n"),
    ).toEqual([]);
  });

  it("keeps `Video:` and `Table:` remarks as remarks", () => {
    expect(
      read("Video: recording is on Moodle under week 3\nTable: see the slides for the comparison\n"),
    ).toEqual([]);
  });

  it("keeps a glossary that defines `Created` (no date: no Notion property)", () => {
    expect(
      read(
        "Created: container exists but has not started\nRunning: processes are executing\nPaused: processes are suspended\n",
      ),
    ).toEqual([
      { front: "Running", back: "processes are executing" },
      { front: "Paused", back: "processes are suspended" },
    ]);
  });

  it("takes no variable or stressed word for an unnamed definition's term, and keeps `Proposition (uniqueness)`", () => {
    expect(
      read(
        "**Definition.** A group is a set *G* together with an operation.\n\n" +
          "**Definition.** A space is *not* connected if it splits.\n\n" +
          "**Proposition (uniqueness).** The identity is unique.\n",
      ).filter((card) => !card.front.includes("[...]")),
    ).toEqual([{ front: "Proposition (uniqueness)", back: "The identity is unique." }]);
  });

  it("makes no timeline of a diary, and no term of a span of years typed `1914 –1918`", () => {
    expect(read("- 2019 - finished school\n- 2020 - started uni\n- 2021 - moved flat\n")).toEqual([]);
    expect(read("- World War I 1914 –1918\n")).toEqual([]);
  });

  it("keeps the letters of an acronym whose lines define terms of their own", () => {
    expect(
      read(
        "## SOLID\n- S - Single responsibility: one reason to change\n- O - Open/closed: open to extension\n- L - Liskov: subtypes stand in\n",
      ),
    ).toEqual([
      { front: "S", back: "Single responsibility: one reason to change" },
      { front: "O", back: "Open/closed: open to extension" },
      { front: "L", back: "Liskov: subtypes stand in" },
    ]);
  });

  it("reads an indented line after a `&nbsp;` line of an export as text, not code", () => {
    expect(
      read(
        "**Osmosis**<br>\n&nbsp;\n    Diffusion of water across a membrane.\n\n**Diffusion**<br>\nSpreading of particles.\n",
      ),
    ).toEqual([
      { front: "Osmosis", back: "Diffusion of water across a membrane." },
      { front: "Diffusion", back: "Spreading of particles." },
    ]);
  });

  it("reads a line indented with many no-break spaces at once (the blank-line test is not exponential)", () => {
    const indented = `**Osmosis**<br>\n${"\u00a0".repeat(60)}diffusion of water\n`;
    expect(read(indented).map((card) => card.front)).toEqual(["Osmosis"]);
  });
});

describe("readings kept after stop 24's review", () => {
  it("keeps a wrapped line opening with a number in the definition it continues (test/fixtures/layouts/wrapped-number-lines.md)", () => {
    expect(sides(parseLayout("wrapped-number-lines"))).toEqual([
      { front: "Boiling point", back: "100 °C at sea level, or\n212 F on the Fahrenheit scale." },
      { front: "Freezing point", back: "0 °C at sea level, which is\n32 F on the Fahrenheit scale." },
    ]);
  });

  it("keeps a decimal number as the front, not numbering to drop (test/fixtures/layouts/decimal-fronts.md)", () => {
    expect(sides(parseLayout("decimal-fronts"))).toEqual([
      { front: "6.02 × 10²³", back: "Avogadro's number" },
      { front: "37.5 °C", back: "the fever threshold" },
      { front: "9.81 m/s²", back: "gravity at the surface" },
    ]);
  });

  it("keeps a glossary of field names as terms (test/fixtures/layouts/field-name-glossary.md)", () => {
    expect(sides(parseLayout("field-name-glossary"))).toEqual([
      { front: "Time complexity", back: "how running time grows with the size of the input" },
      { front: "Space complexity", back: "how memory use grows with the size of the input" },
      { front: "Indication", back: "the reason a drug is given" },
      { front: "Contraindication", back: "a reason not to give a drug" },
      { front: "Side effect", back: "an unintended effect of a drug" },
    ]);
  });

  it("keeps `teacher:: el profesor` vocabulary, not a note's fields (test/fixtures/layouts/field-key-vocabulary.md)", () => {
    expect(sides(parseLayout("field-key-vocabulary"))).toEqual([
      { front: "teacher", back: "el profesor" },
      { front: "class", back: "la clase" },
      { front: "subject", back: "la asignatura" },
    ]);
  });

  it("keeps idioms such as `Rule of thumb` as terms (test/fixtures/layouts/idiom-glossary.md)", () => {
    expect(sides(parseLayout("idiom-glossary"))).toEqual([
      { front: "Rule of thumb", back: "a rough practical method based on experience" },
      { front: "Bottom line", back: "the most important fact in a situation" },
      { front: "Gotcha", back: "an unexpected problem or trick" },
    ]);
  });

  it("makes no question of a reading list's linked page with a note under it (test/fixtures/layouts/reading-list-questions.md)", () => {
    expect(parseLayout("reading-list-questions").cards).toEqual([]);
  });

  it("reads a dialogue repeating a line word for word as turns, not terms (test/fixtures/layouts/repeated-dialogue.md)", () => {
    expect(parseLayout("repeated-dialogue").cards).toEqual([]);
  });

  it("answers a question heading with a hint and the `<details>` answer after it (test/fixtures/layouts/hint-then-details.md)", () => {
    expect(sides(parseLayout("hint-then-details"))).toEqual([
      {
        front: "What are the two kinds of tasks in the event loop?",
        back: "Think about where `setTimeout` and promises go.\n\n- macrotasks: setTimeout, setInterval, I/O\n- microtasks: promise callbacks, queueMicrotask",
      },
    ]);
  });

  it("makes no terms of a day's plan (`## Morning` / `A walk along ...`) (test/fixtures/layouts/day-plan-headings.md)", () => {
    expect(parseLayout("day-plan-headings").cards).toEqual([]);
  });

  it("keeps a term table whose terms link into the note (test/fixtures/layouts/linked-terms-table.md)", () => {
    expect(sides(parseLayout("linked-terms-table"))).toEqual([
      { front: "[map](#map)", back: "`(a -> b) -> [a] -> [b]`" },
      { front: "[filter](#filter)", back: "`(a -> Bool) -> [a] -> [a]`" },
    ]);
  });
});

describe("the author's asides among term and question headings (test/fixtures/layouts/own-aside-headings.md)", () => {
  it("makes no card of `Personal thoughts` or `Mistakes I made`, and keeps the terms and questions beside them", () => {
    const deck = parseLayout("own-aside-headings");
    expect(deck.cards.map((card) => card.front)).toEqual([
      "Borrowing",
      "Lifetimes",
      "Can two mutable references coexist?",
      "When should I use a full outer join?",
    ]);
  });
});

describe("`END` over a rule with no note opened above it", () => {
  it("stays a setext heading unless its lines open with `START` or it is `END` alone", () => {
    expect(parseDeck("line 1\nEND\n---\n\nline 2\nEND\n---\n").cards).toEqual([]);
  });
});
