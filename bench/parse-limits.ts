/**
 * `npm run bench:parse-limits`: the parser's work on hostile notes stays bounded. Prints, as medians
 * of 5 runs against remark's own parse of the same text (a same-run baseline, since the machines are
 * shared): a 9 KB paragraph of 1,000 `==highlights==` (cards and stored bytes capped), a note of
 * 130,000 blocks (no stack overflow), 40 lines each holding a 20,000-space run (a pattern trying
 * `\s*` at every place used to backtrack over the run: seconds a line), an outline of 24,000 lines with
 * no heading (cut between its top-level items; in one piece micromark took about a minute), how
 * soon a 50 MB note is refused (before any parsing), and how long the server's thread stalls while a
 * 600 KB note is parsed on it against in the parse worker (the longest gap between 10 ms ticks), and
 * how soon the worker stops a note that would take too long; and remark on notes of 1,000 and 4,000
 * separate lists with micromark's own edit map against the parser's linear one.
 */
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { EditMap } from "micromark-util-edit-map";
import { DeckParseError, parseDeck } from "@/app/lib/cards";
import { consumeLeavingPrefix, libraryConsume } from "@/app/lib/cards/linear-edit-map";
import { parseSourceOffThread, parseTextOffThread } from "@/app/lib/import";
import { generateDeck } from "@/test/fixtures/import/generate-deck";

const remark = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkFrontmatter, ["yaml", "toml"]);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(run: () => unknown, runs = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

const highlights = Array.from({ length: 1000 }, (_, n) => `==w${n}==`).join(" ");
const deck = parseDeck(highlights);
const stored = deck.cards.reduce((bytes, card) => bytes + card.front.length + card.back.length, 0);
const highlightMs = timed(() => parseDeck(highlights));
const highlightRemark = timed(() => remark.parse(highlights));
console.log(`1,000 highlights in one ${(highlights.length / 1024).toFixed(1)} KB paragraph`);
console.log(
  `  parseDeck ${fmt(highlightMs)}   remark alone ${fmt(highlightRemark)}   ratio ${(highlightMs / highlightRemark).toFixed(2)}x`,
);
console.log(
  `  ${deck.cards.length} cards, ${(stored / 1024).toFixed(0)} KB stored, warning: ${deck.warnings[0]?.message ?? "none"}`,
);

const blocks = Array.from({ length: 130_000 }, (_, n) => `Line ${n}.`).join("\n\n");
const blocksMs = timed(() => parseDeck(blocks), 1);
const blocksRemark = timed(() => remark.parse(blocks), 1);
console.log(`130,000 blocks (${(blocks.length / 1024).toFixed(0)} KB)`);
console.log(`  parseDeck ${fmt(blocksMs)}   remark alone ${fmt(blocksRemark)}   (no stack overflow)`);

const spaced = Array.from(
  { length: 40 },
  (_, n) => `- term ${n}:${" ".repeat(20_000)}x${" ".repeat(20_000)}\n`,
).join("");
const spacedMs = timed(() => parseDeck(spaced), 3);
const spacedRemark = timed(() => remark.parse(spaced), 3);
console.log(`40 lines with 20,000-space runs (${(spaced.length / 1024).toFixed(0)} KB)`);
console.log(
  `  parseDeck ${fmt(spacedMs)}   remark alone ${fmt(spacedRemark)}   ratio ${(spacedMs / spacedRemark).toFixed(2)}x`,
);

const outline = "- term\n  - its definition: more\n".repeat(12_000);
const outlineMs = timed(() => parseDeck(outline), 1);
const outlineRemark = timed(() => remark.parse(outline.slice(0, outline.length / 8)), 1);
console.log(`Outline of 24,000 lines, no heading (${(outline.length / 1024).toFixed(0)} KB)`);
console.log(
  `  parseDeck ${fmt(outlineMs)}   remark alone on an eighth of it ${fmt(outlineRemark)}   (whole: ~64x that)`,
);

// micromark's own EditMap#consume copies every event of the note at each list's end; the parser
// installs one that does not (app/lib/cards/linear-edit-map.ts). Same text, same run, both ways.
const lists = (count: number) =>
  Array.from({ length: count }, (_, n) => `- word ${n}: a meaning\n- another: its meaning\n\nA line.\n`).join(
    "\n",
  );
console.log("Notes of separate two-item lists: remark with micromark's consume, and with the parser's");
for (const count of [1_000, 4_000]) {
  const text = lists(count);
  EditMap.prototype.consume = libraryConsume;
  const libraryMs = timed(() => remark.parse(text), 3);
  EditMap.prototype.consume = consumeLeavingPrefix;
  const linearMs = timed(() => remark.parse(text), 3);
  console.log(
    `  ${count.toLocaleString("en")} lists (${(text.length / 1024).toFixed(0)} KB): library ${fmt(libraryMs)}   linear ${fmt(linearMs)}   ratio ${(libraryMs / linearMs).toFixed(1)}x`,
  );
}

const huge = "x".repeat(50 * 1024 * 1024);
let message = "not refused";
const refusedMs = timed(() => {
  try {
    parseDeck(huge, { fileName: "huge.md" });
  } catch (error) {
    if (error instanceof DeckParseError) message = error.message;
    else throw error;
  }
});
console.log(`50 MB note: refused in ${fmt(refusedMs)}: ${message}`);

/** The longest time the thread went without a 10 ms tick while `work` ran. */
async function longestStall(work: () => unknown): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  await new Promise((resolve) => setTimeout(resolve, 20));
  last = performance.now();
  await work();
  const now = performance.now();
  longest = Math.max(longest, now - last);
  clearInterval(timer);
  return longest;
}

const { markdown: large } = generateDeck(7_500);
// Warm both paths first: a pooled worker stays loaded between notes, as the server's does.
parseDeck(large);
await parseSourceOffThread(large, "bench.md", "bench.md");
const inlineStall = await longestStall(() => parseDeck(large));
const workerStall = await longestStall(() => parseSourceOffThread(large, "bench.md", "bench.md"));
console.log(
  `A ${(large.length / 1024).toFixed(0)} KB note of 7,500 cards: longest stall of the calling thread`,
);
console.log(
  `  parsed on it ${fmt(inlineStall)}   in the parse worker ${fmt(workerStall)}   ratio ${(inlineStall / workerStall).toFixed(1)}x`,
);
const lazy = "- item\n" + Array.from({ length: 16_000 }, (_, n) => `lazy line ${n}`).join("\n");
let stopped = "not stopped";
const stopStarted = performance.now();
await parseTextOffThread(lazy, "slow.md", "", 2_000).catch((error: Error) => {
  stopped = error.message;
});
console.log(
  `One list item of 16,000 lazy lines, limit 2 s: stopped after ${fmt(performance.now() - stopStarted)}: ${stopped}`,
);
