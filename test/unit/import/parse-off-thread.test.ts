import { describe, expect, it } from "vitest";
import { ImportError, parseSource, parseSourceOffThread, parseTextOffThread } from "@/app/lib/import";
import { offThreadMinChars } from "@/app/lib/import/parse-off-thread";
import { generateDeck } from "@/test/fixtures/import/generate-deck";

const { markdown } = generateDeck(450);

/** One list item continued by thousands of lazy lines: micromark's work on it grows faster than the text. */
const slowNote = "- item\n" + Array.from({ length: 6_000 }, (_, n) => `lazy line ${n}`).join("\n");

/** Counts timer ticks on this thread while `work` runs: none when the thread is blocked. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  try {
    await work().catch(() => undefined);
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

// Each worker loads the parser cold (under tsx here), and several run at once: minutes on a busy machine.
describe("parsing large notes off the server's thread", { timeout: 120_000 }, () => {
  it("gives the same deck as parsing on the calling thread", async () => {
    expect(markdown.length).toBeGreaterThan(offThreadMinChars);
    const offThread = await parseSourceOffThread(markdown, "content/large.md", "large.md");
    expect(offThread.cards.length).toBe(450);
    expect(offThread).toEqual(parseSource(markdown, "content/large.md", "large.md"));
  });

  it("keeps the file and line of a broken note in its error", async () => {
    const broken = `---\ntitle: [unclosed\n---\n\n${markdown}`;
    const error = await parseSourceOffThread(broken, "content/broken.md", "broken.md").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe("content/broken.md");
    expect((error as ImportError).line).toBe(2);
    expect((error as ImportError).message).toMatch(/^content\/broken\.md:2: /);
  });

  it("stops a note that takes too long with a clear error, and the thread stays free meanwhile", async () => {
    expect(slowNote.length).toBeGreaterThan(offThreadMinChars);
    let error: unknown;
    const ticks = await ticksDuring(() =>
      parseTextOffThread(slowNote, "pasted text", "", 1_500).catch((e: unknown) => {
        error = e;
      }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(
      "pasted text: took longer than 1.5 s to read; split it into smaller notes",
    );
    // 1.5 s at one tick per 20 ms is 75 ticks; a blocked thread counts none.
    expect(ticks).toBeGreaterThan(10);
  });

  it("still parses after a worker was stopped, and with more notes at once than workers", async () => {
    await parseTextOffThread(slowNote, "pasted text", "", 200).catch(() => undefined);
    const decks = await Promise.all(
      [1, 2, 3].map((n) => parseSourceOffThread(markdown, `content/large-${n}.md`, `large-${n}.md`)),
    );
    expect(decks.map((deck) => deck.cards.length)).toEqual([450, 450, 450]);
  });

  it("refuses a large note without cards as parseSource does", async () => {
    const prose = Array.from(
      { length: 800 },
      (_, n) => `Plain sentence number ${n} with no card in it.`,
    ).join("\n\n");
    expect(prose.length).toBeGreaterThan(offThreadMinChars);
    await expect(parseSourceOffThread(prose, "content/prose.md", "prose.md")).rejects.toThrow(
      /^content\/prose\.md: has no cards/,
    );
    await expect(parseTextOffThread(prose, "content/prose.md", "prose.md")).resolves.toMatchObject({
      cards: [],
    });
  });
});
