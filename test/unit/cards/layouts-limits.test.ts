/**
 * Bounded work on hostile notes: the parser caps what one paragraph can make, survives a note of very
 * many blocks, and refuses a note too large to read. No timings: only what comes back.
 */
import { describe, expect, it } from "vitest";
import { DeckParseError, MAX_NOTE_BYTES, parseDeck } from "@/app/lib/cards";

describe("bounded work", () => {
  it("makes at most 50 cloze cards from a paragraph of 1,000 highlights and warns with the number asked for", () => {
    const terms = Array.from({ length: 1000 }, (_, n) => `term${n}`);
    const deck = parseDeck(`# Limits\n\n${terms.map((term) => `==${term}==`).join(" ")}\n`);
    expect(deck.cards).toHaveLength(50);
    // The n-th card hides the n-th highlight; every back is the whole paragraph.
    deck.cards.forEach((card, n) => {
      expect(card.kind).toBe("cloze");
      expect(card.back).toBe(terms.join(" "));
      expect(card.front).toBe(terms.map((term, at) => (at === n ? "[...]" : term)).join(" "));
    });
    expect(deck.warnings).toEqual([{ line: 3, message: expect.stringMatching(/\b1000\b/) }]);
  });

  // 130,000 top-level blocks in one stretch with no heading or paragraph to cut it at: the blocks are
  // gathered one by one (spreading them into push() overflowed the stack). The timeout leaves room for
  // remark on a loaded machine; it measures nothing.
  it("returns from a note of 130,000 blocks without a stack overflow", { timeout: 300_000 }, () => {
    const deck = parseDeck("***\n\n".repeat(130_000), { fileName: "many-blocks.md" });
    expect(deck.title).toBe("Many Blocks");
    expect(deck.cards).toEqual([]);
  });

  it("refuses a note over the size limit (2 MiB) with a DeckParseError naming the file", () => {
    expect(MAX_NOTE_BYTES).toBe(2 * 1024 * 1024);
    let error: unknown;
    try {
      parseDeck("x".repeat(MAX_NOTE_BYTES + 1), { fileName: "big.md" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeckParseError);
    expect(error).toMatchObject({ name: "DeckParseError", file: "big.md" });
    expect((error as Error).message).toContain("big.md");
  });

  it("counts bytes, not characters: one two-byte letter past half the limit is over it", () => {
    expect(() => parseDeck("é".repeat(MAX_NOTE_BYTES / 2 + 1), { fileName: "big.md" })).toThrow(
      DeckParseError,
    );
  });

  // Each pattern that tries `\s*` at every place in a 50,000-space line backtracked over the whole run
  // (seconds a line); a browser shows the run as one space, so the parser keeps only its first 16.
  it("cuts a run of thousands of spaces inside a line to 16, in fronts, backs and inline code", () => {
    const run = " ".repeat(50_000);
    const deck = parseDeck(`- **Osmosis**:${run}water moving\t${"\t".repeat(40)}across \`a${run}b\`\n`);
    expect(deck.cards).toEqual([
      expect.objectContaining({
        front: "Osmosis",
        back: `water moving\t${"\t".repeat(15)}across \`a${" ".repeat(16)}b\``,
      }),
    ]);
  });
});
