/**
 * Layouts written for flashcard tools (Obsidian_to_Anki, Obsidian Spaced Repetition) and facts in
 * prose. Each expectation is the card a careful person would make from the note.
 */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, reversed, visible } from "./helpers";
import { fronts, parseLayout, placed, sides } from "./layout-helpers";

describe("Obsidian_to_Anki notes (test/fixtures/layouts/obsidian-to-anki.md)", () => {
  const deck = parseLayout("obsidian-to-anki");
  const amazon = "The Amazon carries more water than any river in Europe.";
  const baikal = "Lake Baikal is the deepest lake in Asia.";

  it("reads `START`/`%%ANKI` notes: Basic, Basic (and reversed card) both ways, and `{1:text}` / `{text}` clozes shown as `[...]`", () => {
    expect(visible(deck)).toEqual([
      basic(3, [], "What is the capital of Peru?", "Lima"),
      basic(11, [], "Which river flows through Cairo?", "The Nile"),
      reversed(19, [], "Kilimanjaro", "The highest mountain in Africa"),
      reversed(19, [], "The highest mountain in Africa", "Kilimanjaro"),
      cloze(26, [], "The [...] carries more water than any river in Europe.", amazon),
      cloze(26, [], "The Amazon carries more water than any river in [...].", amazon),
      // Unnumbered `{text}` clozes are numbered in order, as the plugin does: one card each.
      cloze(33, [], "Lake [...] is the deepest lake in Asia.", baikal),
      cloze(33, [], "Lake Baikal is the deepest lake in [...].", baikal),
    ]);
  });

  it("never puts the note type, `Tags:`, `<!--ID: ...-->` or the START/END markers on a card", () => {
    const text = deck.cards.map((card) => `${card.front}\n${card.back}`).join("\n");
    expect(text).not.toMatch(/Tags:|ID:|<!--|\bSTART\b|\bEND\b|%%|\bBasic\b|\bCloze\b|geography|rivers/);
  });
});

describe("Obsidian Spaced Repetition cards", () => {
  it("keeps the `<!--SR:...-->` schedule off a multi-line card, reads hex-lettered words around `::` as cards but not `fe80::1`, and skips a Dataview `up::` line (test/fixtures/layouts/spaced-repetition.md)", () => {
    expect(visible(parseLayout("spaced-repetition"))).toEqual([
      basic(7, ["Asking the way"], "How do you ask\nwhere the station is?", "Où est la gare ?"),
      basic(15, ["Opposites"], "bad", "good"),
      basic(16, ["Opposites"], "face", "visage"),
      basic(17, ["Opposites"], "dead", "alive"),
    ]);
  });

  it('makes `front;;back` lines cards when front matter sets `separator: ";;"` (test/fixtures/layouts/custom-separator.md)', () => {
    expect(visible(parseLayout("custom-separator"))).toEqual([
      basic(6, [], "France", "Paris"),
      basic(7, [], "Japan", "Tokyo"),
      basic(8, [], "Kenya", "Nairobi"),
    ]);
  });

  it("reads `front;; back` lines written with that setting but no front matter for it, and `;;;` both ways (test/fixtures/layouts/semicolon-separator-unset.md)", () => {
    expect(sides(parseLayout("semicolon-separator-unset"))).toEqual([
      { front: "What gas do leaves take in?", back: "Carbon dioxide" },
      { front: "What do they give off?", back: "Oxygen" },
      { front: "Smallest unit of life", back: "The cell" },
      { front: "Where photosynthesis happens", back: "Chloroplast" },
      { front: "Chloroplast", back: "Where photosynthesis happens" },
    ]);
  });

  it("keeps `;;` in code and a lone `a;; b` line out of it, and `::` cards with it", () => {
    const inCode = parseDeck("Loops:\n\n`for (;;)` and `while (1);;` spin.\n\nnote;; one line");
    expect(inCode.cards.filter((card) => card.kind === "basic")).toEqual([]);
    expect(fronts(parseDeck("Japan::Tokyo\n\nFrance;; Paris\n\nKenya;; Nairobi"))).toEqual(["Japan"]);
  });
});

describe("facts in prose", () => {
  it("makes one cloze per sentence holding bold or code spans, hiding that sentence's spans together, marked `fact: true` (test/fixtures/layouts/prose-facts.md)", () => {
    const deck = parseLayout("prose-facts");
    const files = "Run `ls -a` to list **hidden files** as well. Press `Ctrl+C` to stop a command.";
    const cd = "The `cd` command changes directory, and the shell keeps no history of where you were.";
    expect(deck.cards).toEqual([
      {
        ...cloze(5, ["Files"], "Run [...] to list [...] as well. Press `Ctrl+C` to stop a command.", files),
        key: expect.any(String),
        fact: true,
      },
      {
        ...cloze(
          5,
          ["Files"],
          "Run `ls -a` to list **hidden files** as well. Press [...] to stop a command.",
          files,
        ),
        key: expect.any(String),
        fact: true,
      },
      {
        ...cloze(
          7,
          ["Files"],
          "The [...] command changes directory, and the shell keeps no history of where you were.",
          cd,
        ),
        key: expect.any(String),
        fact: true,
      },
      {
        ...cloze(
          11,
          ["Permissions"],
          "[...] permission lets a file run as a program.",
          "**Execute** permission lets a file run as a program.",
        ),
        key: expect.any(String),
        fact: true,
      },
      // A card the author wrote is not a fact: no `fact` field at all.
      {
        ...basic(14, ["Permissions"], "What does `chmod +x` do?", "It gives a file execute permission."),
        key: expect.any(String),
      },
    ]);
  });

  it("makes no fact clozes under front matter `facts: false`, but keeps the cards the note writes (test/fixtures/layouts/facts-off.md)", () => {
    const deck = parseLayout("facts-off");
    expect(visible(deck)).toEqual([
      basic(8, [], "What does `pwd` print?", "The directory you are in."),
      basic(10, [], "Pipe", "sends the output of one command to the input of another."),
    ]);
    expect(deck.cards.some((card) => card.fact)).toBe(false);
  });
});

describe("an outliner page whose sections are heading blocks (test/fixtures/layouts/logseq-page-sections.md)", () => {
  it("reads `- ## Storage` as a section over its notes, and Logseq's `{{cloze ...}}`", () => {
    expect(sides(parseLayout("logseq-page-sections"))).toEqual([
      { front: "emptyDir", back: "scratch space that lives as long as the pod" },
      { front: "hostPath", back: "a directory of the node mounted into the pod" },
      { front: "PersistentVolumeClaim", back: "a pod's request for storage" },
      {
        front: "A taint keeps pods off a node unless they carry a [...]",
        back: "A taint keeps pods off a node unless they carry a toleration",
      },
      { front: "What does a nodeSelector do?", back: "limits a pod to nodes with matching labels" },
    ]);
  });
});

describe("cloze lines typed one under another (test/fixtures/layouts/cloze-lines.md)", () => {
  it("makes each line that numbers its clozes from 1 a note of its own", () => {
    expect(sides(parseLayout("cloze-lines"))).toEqual([
      {
        front: "[...] wrote the Brandenburg Concertos in 1721.",
        back: "Bach wrote the Brandenburg Concertos in 1721.",
      },
      {
        front: "Bach wrote the Brandenburg Concertos in [...].",
        back: "Bach wrote the Brandenburg Concertos in 1721.",
      },
      { front: "A suite is a set of [...] in one key.", back: "A suite is a set of dances in one key." },
      { front: "[...] wrote The Four Seasons.", back: "Vivaldi wrote The Four Seasons." },
    ]);
  });
});

describe("a note's own fields (test/fixtures/layouts/note-fields.md)", () => {
  it("makes no card of a block of Dataview or Logseq fields (`semester::`, `exam-date::`), but keeps `front::back` cards and a lone `date:: la fecha`", () => {
    expect(sides(parseLayout("note-fields"))).toEqual([
      { front: "Allele", back: "a variant form of a gene" },
      { front: "Locus", back: "the position of a gene on a chromosome" },
      { front: "date", back: "la fecha" },
    ]);
  });
});

describe("the Admonition plugin's fenced callouts (test/fixtures/layouts/admonitions.md)", () => {
  it("asks an `ad-question` block's title with its body as the answer, as a `> [!question]` callout", () => {
    expect(placed(parseLayout("admonitions"))).toEqual([
      {
        kind: "basic",
        line: 3,
        front: "Which accounts does a debit increase?",
        back: "Assets, expenses and drawings.",
      },
    ]);
  });
});

describe("cards written as Anki's sides (test/fixtures/layouts/front-back-labels.md)", () => {
  it("reads `**Front:**` / `**Back:**` as a question and its answer, also with a blank line between, a quoted `<br/>` and the label glued to bold; not sides among other labels (anatomy's `Front:`), nor `<br>` quoted elsewhere", () => {
    expect(placed(parseLayout("front-back-labels"))).toEqual([
      {
        kind: "basic",
        line: 5,
        front: "What makes a sort stable?",
        back: "Equal keys keep the order they had before sorting.",
      },
      {
        kind: "basic",
        line: 10,
        front: "What is the worst-case time of merge sort?",
        back: "**O(n log n)** comparisons, whatever the input.",
      },
      // Anatomy's directions: terms, as ever.
      { kind: "basic", line: 20, front: "Front", back: "anterior (ventral)" },
      { kind: "basic", line: 21, front: "Back", back: "posterior (dorsal)" },
      { kind: "basic", line: 22, front: "Side", back: "lateral" },
      { kind: "basic", line: 28, front: "`<br>`", back: "a line break" },
      // A word and its meaning on Anki's sides, as vocabulary decks are.
      { kind: "basic", line: 32, front: "perro", back: "dog" },
    ]);
  });
});

describe("Logseq cards answered by their bullets (test/fixtures/layouts/logseq-card-answers.md)", () => {
  it("answers a `#card` block with its bullets, makes no cards of them, reads `**Q?**#card` and drops `logseq.` settings", () => {
    expect(sides(parseLayout("logseq-card-answers"))).toEqual([
      {
        front: "Name the stages of the water cycle.",
        back: "- Evaporation: water turns to vapour.\n- Condensation: vapour forms clouds.",
      },
      { front: "What is runoff?", back: "Water flowing over the ground into rivers" },
      {
        front: "How does a rain gauge work?",
        back: "- Rain falls through a funnel\n- The water is read off a scale",
      },
      // A tagged card nested in a tagged block is a card of its own.
      { front: "What is humidity?", back: "The amount of water vapour in the air" },
    ]);
  });
});
