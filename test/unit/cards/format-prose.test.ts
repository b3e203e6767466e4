/** Formats 6-7: facts in prose become clozes; code, HTML, rules, links and images never become cards. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { cloze, parseFixture, visible } from "./helpers";

describe("facts in prose (test/fixtures/formats/facts.md)", () => {
  const deck = parseFixture("facts");
  const section = ["Everyday commands"];
  const addP = "Use `git add -p` to stage **part of a file**, then `git commit`.";
  const tip = "`git switch -` goes back to the **previous branch**.";
  const note = "**Note:** rebasing rewrites history, so avoid `git rebase` on shared branches.";

  it("makes one cloze per sentence holding bold or inline-code spans, and none for labels, bold-only lines, links and images", () => {
    expect(visible(deck)).toEqual([
      cloze(
        5,
        section,
        "[...] shows which files changed since the last commit.",
        "`git status` shows which files changed since the last commit.",
      ),
      // One sentence with three spans is one card with three gaps, not three near-copies.
      cloze(7, section, "Use [...] to stage [...], then [...].", addP),
      cloze(
        10,
        section,
        "The default branch is usually called [...].",
        "The default branch is usually called `main`.",
      ),
      cloze(
        11,
        section,
        "[...] points at the commit you have checked out.",
        "**HEAD** points at the commit you have checked out.",
      ),
      cloze(13, section, note.replace("`git rebase`", "[...]"), note),
      // Inside an Obsidian callout: the `[!tip] Shortcut` header line is not part of the card.
      cloze(22, section, "[...] goes back to the [...].", tip),
    ]);
    expect(deck.warnings).toEqual([]);
  });
});

describe("spans that are the whole line", () => {
  it("are pseudo-headings, not facts, even with punctuation after them", () => {
    const deck = parseDeck("- **Important**.\n- `npm ci`:\n- Run `npm ci` first.\n");
    expect(visible(deck)).toEqual([cloze(3, [], "Run [...] first.", "Run `npm ci` first.")]);
  });
});

describe("label words inside a sentence", () => {
  it("are facts like any other bold word; only a label opening the line, or punctuated as one, is skipped", () => {
    const source =
      "Further incubation happened in **remark**.\n\n**Remark.** Groups are **associative**.\n\n**remark** plugin to parse `markdown`.\n\n👉 **Note** use `h` here.\n";
    expect(visible(parseDeck(source))).toEqual([
      cloze(1, [], "Further incubation happened in [...].", "Further incubation happened in **remark**."),
      cloze(3, [], "**Remark.** Groups are [...].", "**Remark.** Groups are **associative**."),
      cloze(5, [], "[...] plugin to parse [...].", "**remark** plugin to parse `markdown`."),
      cloze(7, [], "👉 **Note** use [...] here.", "👉 **Note** use `h` here."),
    ]);
  });
});

describe("never cards (test/fixtures/formats/never-cards.md)", () => {
  it("ignores front matter, HTML, rules, code blocks, link-only and image-only lines and bare headings", () => {
    const deck = parseFixture("never-cards");
    expect(deck.title).toBe("Never Cards");
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([]);
  });
});
