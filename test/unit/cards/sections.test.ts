import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { parseMarkdown } from "@/app/lib/cards/markdown";
import { splitSections } from "@/app/lib/cards/sections";

/** A document large enough to be cut, with traps where a naive cut would change its meaning. */
function largeNotes(): string {
  const parts = ["---", "title: Big notes", "# a YAML comment, not a heading", "---", "", "# Big notes", ""];
  for (let n = 0; n < 1000; n++) {
    parts.push(`## Topic ${n}`, "", `- **What is item ${n}?**`, "", `  Item ${n} is the answer to ${n}.`, "");
    if (n % 50 === 0) parts.push("```md", "# not a heading inside a fence", "front :: back", "```", "");
  }
  return parts.join("\n");
}

describe("splitSections", () => {
  it("leaves small documents whole", () => {
    expect(splitSections("# A\n\nB :: C\n")).toHaveLength(1);
  });

  it("cuts a large document only before headings outside front matter and fences, losing nothing", () => {
    const markdown = largeNotes();
    const sections = splitSections(markdown);
    expect(sections.length).toBeGreaterThan(3);
    expect(sections.map((section) => section.text).join("")).toBe(markdown);
    for (const section of sections.slice(1)) {
      expect(section.text).toMatch(/^## Topic \d+\n/);
      expect(markdown.slice(section.charOffset, section.charOffset + section.text.length)).toBe(section.text);
      expect(markdown.split("\n")[section.lineOffset]).toBe(section.text.split("\n")[0]);
    }
  });

  it("does not cut documents with HTML blocks or link definitions", () => {
    const body = largeNotes();
    expect(splitSections(`${body}\n<div>\n\n# x\n</div>\n`)).toHaveLength(1);
    expect(splitSections(`${body}\n[ref]: https://example.com\n`)).toHaveLength(1);
  });
});

describe("parseDeck on a document parsed in sections", () => {
  it("gives every card with the line and context it has in the whole document", () => {
    const markdown = largeNotes();
    const lines = markdown.split("\n");
    const deck = parseDeck(markdown, { fileName: "big.md" });
    expect(deck.title).toBe("Big notes");
    expect(deck.cards).toHaveLength(1000);
    deck.cards.forEach((card, n) => {
      expect(card.front).toBe(`What is item ${n}?`);
      expect(card.back).toBe(`Item ${n} is the answer to ${n}.`);
      expect(card.context).toEqual([`Topic ${n}`]);
      expect(lines[card.line - 1]).toContain(`What is item ${n}?`);
    });
  });
});

/** A long outline with no headings: nested, loose and tight items, fences, breaks and lazy lines. */
function longOutline(): string {
  const parts: string[] = [];
  for (let n = 0; n < 2000; n++) {
    parts.push(`- Term ${n}`, `  - means thing ${n}`);
    if (n % 7 === 0) parts.push(`lazy line of item ${n}`);
    if (n % 11 === 0) parts.push("");
    if (n % 50 === 0) parts.push("  ```", "- not an item inside a fence", "  ```");
    if (n % 97 === 0) parts.push("* * *", `${n + 1}. ordered ${n}`, `${n + 2}. ordered again`, "+ plus item");
  }
  return parts.join("\n");
}

/** A tight list of 40 long items (each cut from the next) but for one blank line, which makes it loose. */
function longItemsOneGap(): string {
  const items = Array.from({ length: 40 }, (_, n) => `- Item ${n} ${"word ".repeat(440)}`);
  items[20] = `\n${items[20]}`;
  return items.join("\n");
}

/** Layouts where a line scan could mistake what continues a list (found in review). */
function listLookalikes(): string {
  const parts: string[] = [];
  for (let n = 0; n < 400; n++) {
    // `21.` after prose is more of the paragraph, not an item.
    parts.push(`Section ${n}`, `${n + 20}. Which organelle is number ${n}?`, "    a) nucleus", "");
    // Bullets indented less than the numbered item's content are a list of their own between items.
    parts.push(`1. What causes item ${n}?`, "  - demand-pull", `2. What ends item ${n}?`, "");
    // `-   a` then `  * b`: a shallow bullet of another marker starts a list of its own.
    parts.push(`-   term ${n}: meaning`, "  * other: thing", `- next ${n}: meaning`, "");
  }
  return parts.join("\n");
}

describe("a long list cut between its items", () => {
  it.each([
    ["a long outline", longOutline(), 3],
    ["a list loose only where it is cut", longItemsOneGap(), 3],
    ["numbered lines after prose and shallow bullets of another marker", listLookalikes(), 0],
  ])(
    "cuts %s before items at the margin and parses it to the same tree as in one piece",
    (_, markdown, listCuts) => {
      const sections = splitSections(markdown);
      expect(sections.length).toBeGreaterThan(3);
      expect(sections.filter((section) => section.continuesList).length).toBeGreaterThanOrEqual(listCuts);
      expect(sections.map((section) => section.text).join("")).toBe(markdown);
      // An HTML block keeps a document whole: the same text parsed in one piece, plus that block.
      const whole = parseMarkdown(`${markdown}\n\n<div></div>\n`);
      expect(splitSections(`${markdown}\n\n<div></div>\n`)).toHaveLength(1);
      whole.children.pop();
      const cut = parseMarkdown(markdown);
      expect(cut.children.length).toBe(whole.children.length);
      expect(JSON.stringify(cut.children)).toBe(JSON.stringify(whole.children));
    },
  );
});
