/**
 * Layouts a careful person never makes a card of: questions about the learner, a kanban board, a
 * study guide of bare terms and unanswered questions, a table of contents of question links, score
 * and progress lines.
 */
import { describe, expect, it } from "vitest";
import { basic, visible } from "./helpers";
import { fronts, parseLayout, sides } from "./layout-helpers";

describe("never cards", () => {
  it("asks the learner nothing back: reflective questions make no card even with a line under them, the real question beside them does (test/fixtures/layouts/reflective-questions.md)", () => {
    expect(visible(parseLayout("reflective-questions"))).toEqual([
      basic(
        20,
        ["Eruptions"],
        "Why do some volcanoes explode?",
        "Their magma is thick and traps gas until the pressure breaks the rock.",
      ),
    ]);
  });

  it("makes no card of a kanban board of dated tasks (test/fixtures/layouts/kanban-board.md)", () => {
    const deck = parseLayout("kanban-board");
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([]);
  });

  it("makes no card of a study guide of bare terms and unanswered review questions (test/fixtures/layouts/study-guide.md)", () => {
    expect(parseLayout("study-guide").cards).toEqual([]);
  });

  it("makes no card of a table of contents linking to the questions, only of the questions (test/fixtures/layouts/question-contents.md)", () => {
    expect(visible(parseLayout("question-contents"))).toEqual([
      basic(
        9,
        [],
        "What is a subnet mask?",
        "A number that splits an IP address into its network part and its host part.",
      ),
      basic(13, [], "What does DHCP do?", "It hands out IP addresses to the devices that join a network."),
      basic(
        17,
        [],
        "Why is UDP used for video calls?",
        "A late packet is useless for live video, so resending it would only add delay.",
      ),
    ]);
  });

  it("makes no card of `Total questions : 14` score lines or `- Topic - Done.` progress lines (test/fixtures/layouts/progress-log.md)", () => {
    const deck = parseLayout("progress-log");
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([]);
  });
});

describe("notes to self (test/fixtures/layouts/notes-to-self.md)", () => {
  const deck = parseLayout("notes-to-self");

  it("makes no card of `Recall from last week:`, `*Proof sketch:*`, `*Still unsure about:*`, a course-week title, or a to-do list under unanswered questions", () => {
    expect(deck.cards.map(({ front, back }) => ({ front, back }))).toEqual([
      { front: "Coset", back: "the set gH for a fixed g in G" },
    ]);
  });
});

describe("a coding journal and an essay plan (test/fixtures/layouts/journal-and-outline.md)", () => {
  it("makes no card of a journal template's `Today's Progress:` / `Thoughts:` / `Time spent:` or an outline's `Hook:` / `Topic sentence:`", () => {
    expect(parseLayout("journal-and-outline").cards).toEqual([]);
  });
});

describe("remarks beside terms (test/fixtures/layouts/remarks-under-terms.md)", () => {
  it("makes no term of `Goal:`, `Used for:`, `Practice:`, `One-line summary:`, `trick:` or `Note to self:`", () => {
    expect(fronts(parseLayout("remarks-under-terms"))).toEqual(["Stable sort"]);
  });

  it("asks the writer nothing back: `Do I actually ...?`, `How confident am I ...?`, `... on the exam?` (test/fixtures/layouts/questions-to-myself.md)", () => {
    expect(sides(parseLayout("questions-to-myself"))).toEqual([
      {
        front: "How do I find the work done by a gas?",
        back: "Integrate pressure over the change in volume.",
      },
    ]);
  });

  it("makes no card of a Notion page's properties or a reading pointer (test/fixtures/layouts/notion-page-properties.md)", () => {
    expect(sides(parseLayout("notion-page-properties"))).toEqual([
      { front: "Glomerulus", back: "the capillary tuft where blood is filtered" },
      { front: "Loop of Henle", back: "concentrates the urine" },
    ]);
  });

  it("makes no card of an answer still to be written, also after its label (`A: ...`), and says so (test/fixtures/layouts/placeholder-answers.md)", () => {
    const deck = parseLayout("placeholder-answers");
    expect(sides(deck)).toEqual([
      { front: "What is a random variable?", back: "A function from outcomes to numbers." },
    ]);
    expect(
      deck.warnings.filter((warning) => warning.message.includes("placeholder")).map((w) => w.line),
    ).toEqual([3, 6, 9, 16, 20]);
  });
});

describe("a table of contents (test/fixtures/layouts/contents-table.md)", () => {
  it("makes no card of a table of in-note links, silently, and keeps the questions it links to and a table with one link among its rows", () => {
    const deck = parseLayout("contents-table");
    expect(sides(deck)).toEqual([
      { front: "What is hoisting?", back: "Moving declarations to the top of their scope." },
      { front: "What is a closure?", back: "A function with the scope it was made in." },
      { front: "22", back: "[SSH](#ssh)" },
      { front: "80", back: "HTTP" },
    ]);
    expect(deck.warnings).toEqual([]);
  });
});

describe("an unanswered question over a remark (test/fixtures/layouts/question-over-remark.md)", () => {
  it("does not answer a question with the `Remember: ...` remark after it, and warns that it has no answer", () => {
    const deck = parseLayout("question-over-remark");
    expect(sides(deck)).toEqual([{ front: "What is a cadence?", back: "Two chords that end a phrase." }]);
    expect(deck.warnings).toEqual([{ line: 3, message: expect.stringMatching(/has no answer/) }]);
  });
});
