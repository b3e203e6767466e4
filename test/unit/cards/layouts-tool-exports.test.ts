/**
 * Layouts that note tools write on export or for their own plugins: Obsidian_to_Anki notes with
 * named first fields and file settings or a rule under each, Notion toggles (`<details>`), and Logseq properties. Each
 * expectation is the card a careful person would make from the note.
 */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, visible } from "./helpers";
import { fronts, parseLayout, placed, sides } from "./layout-helpers";

describe("Obsidian_to_Anki fields and file settings (test/fixtures/layouts/obsidian-to-anki-fields.md)", () => {
  const deck = parseLayout("obsidian-to-anki-fields");
  const sunlight = "Sunlight takes about 8 minutes to reach Earth and about 43 minutes to reach Jupiter.";

  it("drops a `Front:` name written on the first field and makes the card", () => {
    expect(sides(deck)).toContainEqual({
      front: "Which planet has the shortest day?",
      back: "Jupiter, at about ten hours",
    });
    expect(sides(deck)).toContainEqual({
      front: "Name the four Galilean moons.",
      back: "Io\nEuropa\nGanymede\nCallisto",
    });
  });

  it("makes one cloze card per cloze number of a Cloze note whose first field is named `Text:`", () => {
    expect(visible(deck).filter((card) => card.kind === "cloze")).toEqual([
      cloze(
        11,
        [],
        "Sunlight takes about [...] minutes to reach Earth and about 43 minutes to reach Jupiter.",
        sunlight,
      ),
      cloze(
        11,
        [],
        "Sunlight takes about 8 minutes to reach Earth and about [...] minutes to reach Jupiter.",
        sunlight,
      ),
    ]);
  });

  it("makes no card of `TARGET DECK` / `FILE TAGS`, inline or with the value on the next line", () => {
    const text = deck.cards.map((card) => `${card.front}\n${card.back}`).join("\n");
    expect(text).not.toMatch(/TARGET DECK|FILE TAGS|Astronomy|Planets|Moons|^(?:astronomy|moons)$/m);
    expect(deck.cards).toHaveLength(4);
  });
});

describe("Obsidian_to_Anki notes each followed by a rule (test/fixtures/layouts/obsidian-to-anki-rules.md)", () => {
  // `END` right above `---` (or `===`) is a setext heading to CommonMark.
  it("reads each note whose `END` sits right above a `---` or `===` rule", () => {
    expect(sides(parseLayout("obsidian-to-anki-rules"))).toEqual([
      { front: "What does a **pH** below 7 mean?", back: "The solution is acidic." },
      { front: "Which ion makes a solution acidic?", back: "The hydrogen ion, H+." },
      { front: "Name a strong acid.", back: "Hydrochloric acid\nSulfuric acid" },
    ]);
  });
});

describe("answers hidden in toggles under questions (test/fixtures/layouts/details-answer-toggles.md)", () => {
  const deck = parseLayout("details-answer-toggles");

  it("answers a question with the `Show Answer` toggle under it, past a difficulty badge", () => {
    expect(sides(deck)).toContainEqual({
      front: "What is a subnet?",
      back: "A smaller network carved out of a larger one by its address prefix.",
    });
    expect(sides(deck)).toContainEqual({
      front: "What does DHCP hand out?",
      back: "- an IP address\n- the default gateway",
    });
  });

  it("answers a question bullet with the toggle below it, past a badge that stays out of the answer", () => {
    expect(sides(deck)).toContainEqual({
      front: "What is a VLAN?",
      back: "A switch's ports split into separate broadcast domains.",
    });
  });

  it("keeps a toggle that asks its own question as a card of its own", () => {
    expect(sides(deck)).toContainEqual({
      front: "What is PAT?",
      back: "Port address translation: many hosts share one address through port numbers.",
    });
    expect(deck.cards.map((card) => card.front)).not.toContain("What is NAT?");
    expect(deck.cards).toHaveLength(4);
  });
});

describe("toggles under a question that do not answer it (test/fixtures/layouts/details-toggles-not-answers.md)", () => {
  it("keeps the cards a toggle holds, and takes neither a `Click to expand` list nor a `Hint` as the answer", () => {
    expect(sides(parseLayout("details-toggles-not-answers"))).toEqual([
      { front: "TCP", back: "reliable, ordered delivery" },
      { front: "UDP", back: "fire and forget datagrams" },
      { front: "QUIC", back: "UDP-based transport with TLS built in" },
      { front: "What is a closure?", back: "A function with the scope it was made in." },
      { front: "What is hoisting?", back: "Moving declarations to the top of their scope." },
    ]);
  });
});

describe("Notion toggles (test/fixtures/layouts/notion-toggles.md)", () => {
  const deck = parseLayout("notion-toggles");

  it("makes summary -> body of a toggle titled with a term, written over several lines", () => {
    expect(sides(deck)).toContainEqual({
      front: "Blanching",
      back: "Boiling vegetables briefly, then plunging them into ice water to stop the cooking.",
    });
  });

  it("makes summary -> body of a toggle whose summary shares the `<details>` line, and nothing of an empty toggle", () => {
    expect(visible(deck)).toEqual([
      basic(
        5,
        [],
        "Blanching",
        "Boiling vegetables briefly, then plunging them into ice water to stop the cooking.",
      ),
      basic(12, [], "Deglazing", "Loosening the browned bits from a pan with a liquid to start a sauce."),
      basic(
        21,
        [],
        "Why rest a steak after searing?",
        "So the juices settle back into the meat instead of running onto the board.",
      ),
    ]);
  });
});

describe("Logseq properties (test/fixtures/layouts/logseq-properties.md)", () => {
  const deck = parseLayout("logseq-properties");

  it("reads a `#card` block through its property lines, and keeps `term::definition` cards with ordinary terms", () => {
    expect(visible(deck)).toEqual([
      basic(8, [], "Basalt", "fine-grained volcanic rock, rich in iron and magnesium"),
      basic(17, [], "Granite", "coarse-grained intrusive rock of quartz and feldspar"),
      basic(19, [], "lustre", "how the surface of a mineral reflects light"),
      basic(20, [], "Streak", "the colour of the powder a mineral leaves on unglazed porcelain"),
    ]);
  });

  it("keeps `file:: el archivo` vocabulary beside other words", () => {
    expect(fronts(parseDeck("file:: el archivo\nbook:: el libro\ndate:: la fecha"))).toEqual([
      "file",
      "book",
      "date",
    ]);
  });

  it("makes no card of page properties (`title::`, `tags::`, `alias::`, and a note field beside them: `type::`) or block properties (`collapsed::`, `id::`, `card-repeats::`, a PDF highlight's `hl-stamp::` ...)", () => {
    const text = deck.cards.map((card) => `${card.front}\n${card.back}`).join("\n");
    expect(text).not.toMatch(
      /title|tags|alias|type|flashcards|collapsed|\bid\b|card-|Rocks and Minerals|geology|6650f1a2|2024|hl-|1667|assets/,
    );
  });
});

describe("Logseq flashcard tags before the front (test/fixtures/layouts/logseq-leading-card-tag.md)", () => {
  it("drops `#card` / `#anki/...` typed before a block's front, and a tag alone makes no card", () => {
    expect(sides(parseLayout("logseq-leading-card-tag"))).toEqual([
      { front: "What gas do plants take in for photosynthesis?", back: "carbon dioxide" },
      { front: "Where in the cell does photosynthesis happen?", back: "in the chloroplasts" },
      { front: "What pigment absorbs the light?", back: "chlorophyll" },
    ]);
  });
});

describe("Logseq heading blocks over cards (test/fixtures/layouts/logseq-heading-blocks.md)", () => {
  it("makes the `#card` and `::` children cards, not the heading block with them all as its answer", () => {
    expect(sides(parseLayout("logseq-heading-blocks"))).toEqual([
      { front: "고양이", back: "cat" },
      { front: "강아지", back: "puppy" },
      { front: "안녕하세요", back: "hello" },
      { front: "감사합니다", back: "thank you" },
    ]);
  });
});

describe("an export that ends blocks with `<br>` or `&nbsp;` lines (test/fixtures/layouts/html-blank-lines.md)", () => {
  it("reads such a line as the empty line it stands for", () => {
    expect(sides(parseLayout("html-blank-lines"))).toEqual([
      { front: "Monopoly", back: "A market with a single seller." },
      { front: "Oligopoly", back: "A market dominated by a few large sellers." },
      { front: "Perfect competition", back: "Many sellers of an identical product." },
    ]);
  });
});

describe("an Evernote export's `<div>` lines (test/fixtures/layouts/evernote-div-lines.md)", () => {
  it("reads each `<div>` as a line, and a bold line over term lines as their group's name, not a term", () => {
    expect(placed(parseLayout("evernote-div-lines"))).toEqual([
      { kind: "basic", line: 4, front: "EC2", back: "virtual servers in the cloud; you manage the OS" },
      { kind: "basic", line: 5, front: "Lambda", back: "serverless functions, at most 15 min a run" },
      { kind: "basic", line: 6, front: "Fargate", back: "serverless compute for containers" },
      { kind: "basic", line: 10, front: "S3", back: "object storage" },
      { kind: "basic", line: 11, front: "EBS", back: "block storage for one instance" },
    ]);
  });
});
