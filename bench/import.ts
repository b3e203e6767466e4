/**
 * `npm run bench:import [-- --cards 10000 --runs 3]`: how long a large deck takes to parse and import
 * into SQLite, how much an unchanged re-import writes (measured outside the importer), and the same
 * rows inserted by raw better-sqlite3 in one transaction as a same-run baseline. The machines are
 * shared and noisy, so it prints medians and ratios rather than single times.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { z } from "zod";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseDeck } from "@/app/lib/cards";
import { splitSections } from "@/app/lib/cards/sections";
import { openDatabase } from "@/app/lib/database/client";
import { importDeckSource, type ImportResult } from "@/app/lib/import";
import { generateDeck } from "@/test/fixtures/import/generate-deck";

const argsSchema = z.object({
  cards: z.coerce.number().int().min(10).default(10_000),
  runs: z.coerce.number().int().min(1).max(20).default(3),
});
const { values } = parseArgs({ options: { cards: { type: "string" }, runs: { type: "string" } } });
const { cards: size, runs } = argsSchema.parse(values);

const dir = mkdtempSync(path.join(os.tmpdir(), "notecards-bench-"));
const deckFile = path.join(dir, "large.md");
writeFileSync(deckFile, generateDeck(size, "Benchmark deck").markdown);
const bytes = readFileSync(deckFile);
const source = (text: Uint8Array | string) => ({
  bytes: text,
  sourcePath: "bench/large.md",
  fileName: "large.md",
  ownerId: null,
});

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

async function medianOf<T>(count: number, run: (index: number) => Promise<T> | T) {
  const samples: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < count; i++) {
    const { ms, value } = await timed(() => run(i));
    samples.push(ms);
    last = value;
  }
  return { ms: median(samples), samples, last: last as T };
}

let fresh = 0;
async function freshDatabase() {
  const file = path.join(dir, `run-${fresh++}.db`);
  const db = await openDatabase(`file:${file}`);
  return { ...db, file };
}

/** What changed in the file, seen from a separate raw connection: commits and row checksums. */
function watch(file: string) {
  const raw = new Database(file, { readonly: true });
  const dataVersion = () => raw.pragma("data_version", { simple: true }) as number;
  const checksum = (table: string) => {
    const hash = createHash("sha256");
    for (const row of raw.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).iterate())
      hash.update(JSON.stringify(row));
    return hash.digest("hex");
  };
  const state = () => ({ version: dataVersion(), deck: checksum("Deck"), card: checksum("Card") });
  const changedRows = (since: string) =>
    raw.prepare(`SELECT count(*) AS n FROM "Card" WHERE "updatedAt" >= ?`).pluck().get(since) as number;
  return { state, changedRows, close: () => raw.close() };
}

console.log(
  `Deck: ${size} cards, ${(bytes.length / 1024).toFixed(0)} KiB of markdown; medians of ${runs} runs\n`,
);

// Parsing alone, against the floor under any remark-based parser: remark itself, with the
// extensions the parser uses (GFM, math, front matter), on the same sections, without turning the
// tree into cards. Both are warmed up first and then run in turn, so a burst of load on this shared
// machine hits both alike; the ratio is of CPU time (what this process spent), which waiting for the
// other cores does not inflate.
const remarkAlone = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkFrontmatter, ["yaml", "toml"]);
const markdown = bytes.toString("utf8");
const parseOnce = () => parseDeck(markdown, { fileName: "large.md" });
const remarkOnce = () => {
  for (const section of splitSections(markdown)) remarkAlone.parse(section.text);
};
function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}
parseOnce();
remarkOnce();
const parseCpu: number[] = [];
const remarkCpu: number[] = [];
for (let i = 0; i < runs; i++) {
  parseCpu.push(cpuMs(parseOnce));
  remarkCpu.push(cpuMs(remarkOnce));
}
const parse = await medianOf(runs, parseOnce);
if (parse.last.cards.length !== size)
  throw new Error(`expected ${size} cards, parsed ${parse.last.cards.length}`);
const remarkFloor = await medianOf(runs, remarkOnce);

// First import into an empty database (each run its own file).
const firstDbs: Awaited<ReturnType<typeof freshDatabase>>[] = [];
for (let i = 0; i < runs; i++) firstDbs.push(await freshDatabase());
const storeSamples: number[] = [];
const first = await medianOf(runs, (i) =>
  importDeckSource(firstDbs[i]!.prisma, source(bytes), {
    onTiming: ({ phase, ms }) => phase === "store" && storeSamples.push(ms),
  }),
);
for (const db of firstDbs.slice(1)) await db.close();
const db = firstDbs[0]!;

// Unchanged re-import: the importer says 0 rows; a second connection checks that nothing was committed.
const watcher = watch(db.file);
const before = watcher.state();
const unchanged = await medianOf(Math.max(5, runs), () => importDeckSource(db.prisma, source(bytes)));
const after = watcher.state();
const committed = after.version !== before.version;
const rowsDiffer = after.deck !== before.deck || after.card !== before.card;

// One answer edited: one card row and the deck row.
let text = bytes.toString("utf8");
const editedSince = new Date().toISOString().replace("Z", "+00:00");
const edited = await medianOf(runs, (i) => {
  text = text.replace(`It is answer ${5 * (i + 1)}, with`, `It is the edited answer ${5 * (i + 1)}, with`);
  return importDeckSource(db.prisma, source(text));
});
const editedRowsSeen = watcher.changedRows(editedSince);

// A card inserted at the top: every card's line moves.
const shifted = await timed(() =>
  importDeckSource(
    db.prisma,
    source(text.replace("# Benchmark deck\n", "# Benchmark deck\n\nA new first card :: first\n")),
  ),
);
watcher.close();
await db.close();

// Baseline: the same card rows inserted by raw better-sqlite3, one prepared statement, one transaction.
const baseline = await medianOf(Math.max(5, runs), async () => {
  const target = await freshDatabase();
  await target.close();
  const raw = new Database(target.file);
  const deckId = "bench-deck";
  raw
    .prepare(`INSERT INTO "Deck" ("id", "slug", "title", "updatedAt") VALUES (?, 'bench', 'Bench', ?)`)
    .run(deckId, Date.now());
  const insert = raw.prepare(
    `INSERT INTO "Card" ("id", "deckId", "key", "kind", "front", "back", "context", "line", "position", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const started = performance.now();
  raw.transaction(() => {
    parse.last.cards.forEach((card, position) => {
      insert.run(
        `c${position}`,
        deckId,
        card.key,
        card.kind,
        card.front,
        card.back,
        JSON.stringify(card.context),
        card.line,
        position,
        now,
        now,
      );
    });
  })();
  const ms = performance.now() - started;
  raw.close();
  return ms;
});
rmSync(dir, { recursive: true, force: true });

const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;
const rows = (result: ImportResult) => `rows written ${result.rowsWritten}`;
const firstWrite = median(storeSamples);
console.log(
  `parse (parseDeck)                 ${fmt(parse.ms)}   samples ${parse.samples.map((ms) => ms.toFixed(0)).join(", ")}`,
);
console.log(
  `  remark alone, same text          ${fmt(remarkFloor.ms)}   (CommonMark + GFM + math to mdast: the floor for this parser)`,
);
console.log(`first import (total)              ${fmt(first.ms)}   ${rows(first.last)}`);
console.log(
  `  of which storing (one transaction)${fmt(firstWrite)}   samples ${storeSamples.map((ms) => ms.toFixed(0)).join(", ")}`,
);
console.log(
  `unchanged re-import               ${fmt(unchanged.ms)}   ${rows(unchanged.last)}, status ${unchanged.last.status}`,
);
console.log(
  `  seen from a second connection:   data_version ${committed ? "CHANGED" : "unchanged"}, ` +
    `Deck/Card checksums ${rowsDiffer ? "DIFFER" : "identical"}`,
);
console.log(
  `one answer edited, re-import      ${fmt(edited.ms)}   ${rows(edited.last)}, counts ${JSON.stringify(edited.last.counts)}`,
);
console.log(`  card rows updated since the first edit, after ${runs} edits: ${editedRowsSeen}`);
console.log(
  `card inserted at the top          ${fmt(shifted.ms)}   ${rows(shifted.value)} (every line moved)`,
);
console.log(`baseline: raw better-sqlite3      ${fmt(baseline.ms)}   ${size} card rows, one transaction`);
console.log("");
console.log(
  `ratio parse / remark alone               ${(median(parseCpu) / median(remarkCpu)).toFixed(2)}x CPU time ` +
    `(${median(parseCpu).toFixed(0)} / ${median(remarkCpu).toFixed(0)} ms; wall time ${(parse.ms / remarkFloor.ms).toFixed(2)}x)`,
);
console.log(`ratio first import / baseline            ${(first.ms / baseline.ms).toFixed(1)}x`);
console.log(`ratio first import storing / baseline    ${(firstWrite / baseline.ms).toFixed(1)}x`);
console.log(`ratio unchanged re-import / baseline     ${(unchanged.ms / baseline.ms).toFixed(2)}x`);
if (committed || rowsDiffer || unchanged.last.rowsWritten !== 0) {
  console.error("FAIL: the unchanged re-import wrote to the database");
  process.exitCode = 1;
}
