/**
 * `npm run bench:queue [-- --cards 1000000 --learners 100 --runs 200 --provider sqlite|postgresql]`
 *
 * Issue 11's due queue at scale: fills a fresh SQLite file (in a temp dir) and a fresh PostgreSQL
 * database (on 127.0.0.1:5432, TEST_POSTGRES_URL, dropped at the end) with `--learners` learners and
 * `--cards` cards (shared notes-folder decks and two private decks per learner, each learner part way
 * through 22 decks: bench/support/queue-data.ts), with set-based SQL, and prints how long that took.
 * Then, for random learners (a seeded sequence, the same on both databases), times building a study
 * queue as the pages do, through the same functions:
 *   - deck: getStudyQueueWith, one deck's queue (/decks/[slug]/study), a deck the learner studies;
 *   - all:  getStudyAllQueueWith, the Study all queue over every deck they can see (/study).
 * Each is warmed up, then timed `--runs` times, two ways: the queue's SQL alone on the database's
 * own driver (the database's share), and the whole read through Prisma (what the page pays); wall
 * time p50/p95/p99, and CPU time (this process's, which on SQLite includes the database; on
 * PostgreSQL the server process's CPU per build, from /proc). The baseline, in the same run, is the
 * same builds with the indexes of migration 20261205000000_queue_index dropped: the ratio says what
 * they give. Last, the plans of the queue's SQL (app/lib/data/queue-sql.ts), EXPLAIN QUERY PLAN on
 * SQLite and EXPLAIN ANALYZE on PostgreSQL, with the indexes they use. Target: p95 < 5 ms. About
 * 12 minutes at 1M cards here (generation 30 s on SQLite, 50-80 s on PostgreSQL).
 *
 * Measured at 1M cards (704k card states, 21k marks), on 2 cores at load average 13-17 from other
 * work, so wall times are several times an idle machine's; CPU time is the steadier figure:
 *   SQLite, queue SQL: one deck p50 6.1 / p95 36 ms wall, CPU p50 2.5 / p95 5.1 ms (2.5x faster at
 *     p95 than without the indexes); Study all p50 10.6 / p95 36 ms wall, CPU 7.0 / 13.4 ms (2.4x).
 *   PostgreSQL, queue SQL: one deck p50 23 / p95 55 ms wall, server CPU 6.7 ms a build (8.8
 *     without); Study all p50 36 / p95 71 ms wall, server CPU 12.1 ms (16.6 without).
 *   Whole reads through Prisma add about ten queries' overhead: one deck p50 26 ms (SQLite), 31 ms (PG).
 * What is left: new cards are found by walking a deck in file order past the cards the learner has
 * started (800 lookups in a deck 80% done), since "new" is the absence of a CardState row; Anki
 * keeps it on the card (queue = 0). A per-learner deckId on CardState, or a first-unstarted
 * position per learner and deck, would make both reads independent of progress.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { OpenDatabase } from "@/app/lib/database/client";
import { getStudyAllQueueWith } from "@/app/lib/data/study-all-read";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { createTestDatabase, testProviders, type TestProvider } from "@/test/helpers/databases";
import { seededRandom } from "./support/simulate-learner";
import {
  collectionShape,
  fillQueueCollection,
  privateDecksPerLearner,
  sharedDecksStudied,
  type QueueCollection,
} from "./support/queue-data";
import { cpuMs, openDriver, printQueuePlans, timeQueueSql, type Driver } from "./support/queue-plans";

const argsSchema = z.object({
  cards: z.coerce.number().int().min(20_000).max(5_000_000).default(1_000_000),
  learners: z.coerce.number().int().min(2).max(1_000).default(100),
  runs: z.coerce.number().int().min(10).max(2_000).default(200),
  provider: z.enum(["sqlite", "postgresql"]).optional(),
});
const { values } = parseArgs({
  options: {
    cards: { type: "string" },
    learners: { type: "string" },
    runs: { type: "string" },
    provider: { type: "string" },
  },
});
const options = argsSchema.parse(values);
const root = path.resolve(import.meta.dirname, "..");
const migration = "20261205000000_queue_index";
const now = new Date();
const baselineRuns = Math.min(options.runs, 50);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(2)} ms`;
const summary = (samples: number[]) =>
  `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, p99 ${ms(percentile(samples, 99))}`;

/** A learner and one of the decks they study: one of their 20 shared decks or their own. */
function pickLearnerDeck(shape: QueueCollection, random: () => number) {
  const learner = 1 + Math.floor(random() * shape.learners);
  const stride = Math.floor(shape.sharedDecks / sharedDecksStudied);
  const pick = Math.floor(random() * (sharedDecksStudied + privateDecksPerLearner));
  const slug =
    pick < sharedDecksStudied
      ? `notes-${((learner * 7919 + pick * stride) % shape.sharedDecks) + 1}`
      : `anki-${(learner - 1) * privateDecksPerLearner + (pick - sharedDecksStudied) + 1}`;
  return { userId: `learner-${learner}`, slug };
}

/**
 * Times `runs` queue builds after a warm-up, each for a learner (and deck) of the seeded sequence:
 * the read the page makes (through Prisma), and the queue's SQL alone on the database's driver.
 */
async function time(
  db: OpenDatabase,
  driver: Driver,
  shape: QueueCollection,
  kind: "deck" | "all",
  runs: number,
  { coldHints = false }: { coldHints?: boolean } = {},
) {
  let random = seededRandom(11);
  const build = async () => {
    const { userId, slug } = pickLearnerDeck(shape, random);
    // As on the first read after the learner studied new cards: the walk starts low and the read
    // raises the hint (app/lib/data/new-card-hint.ts).
    if (coldHints) await db.prisma.newCardHint.deleteMany({ where: { userId } });
    const [started, startedCpu] = [performance.now(), cpuMs()];
    const queue =
      kind === "deck"
        ? await getStudyQueueWith(db.prisma, slug, now, userId)
        : await getStudyAllQueueWith(db.prisma, now, { userId });
    const [elapsed, cpu] = [performance.now() - started, cpuMs() - startedCpu];
    if (!queue) throw new Error(`No queue for ${userId} in ${slug}`);
    const sqlCpuStart = cpuMs();
    const sql = await timeQueueSql(db, driver, kind, { userId, slug, now });
    return { elapsed, cpu, sql, sqlCpu: cpuMs() - sqlCpuStart, cards: queue.cards.length };
  };
  // Warm-up: the same learners and decks as the timed builds, so that each timed build is a
  // learner coming back to a queue they opened before (their hints in place, the pages cached).
  for (let i = 0; i < runs; i++) await build();
  random = seededRandom(11);
  const samples = {
    read: [] as number[],
    readCpu: [] as number[],
    sql: [] as number[],
    sqlCpu: [] as number[],
  };
  let cards = 0;
  const serverBefore = driver.serverCpuMs();
  for (let i = 0; i < runs; i++) {
    const run = await build();
    samples.read.push(run.elapsed);
    samples.readCpu.push(run.cpu);
    samples.sql.push(run.sql);
    samples.sqlCpu.push(run.sqlCpu);
    cards += run.cards;
  }
  const serverAfter = driver.serverCpuMs();
  const serverCpuPerBuild =
    serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / runs;
  return { ...samples, serverCpuPerBuild, cardsPerQueue: Math.round(cards / runs) };
}

/** The migration's CREATE INDEX statements for this database, and the names of those indexes. */
function queueIndexes(provider: TestProvider) {
  const folder = provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations";
  const sql = readFileSync(path.join(root, folder, migration, "migration.sql"), "utf8");
  const creates = sql.match(/CREATE (?:UNIQUE )?INDEX[^;]+;/g) ?? [];
  const names = creates.map((create) => /INDEX "([^"]+)"/.exec(create)![1]!);
  return { creates, names };
}

async function bench(provider: TestProvider) {
  const db = await createTestDatabase(provider);
  try {
    const shape = collectionShape(options.learners, options.cards);
    const started = performance.now();
    await fillQueueCollection(db, shape, now);
    const [cards, states, marks] = await Promise.all([
      db.prisma.card.count(),
      db.prisma.cardState.count(),
      db.prisma.cardMark.count(),
    ]);
    console.log(
      `\n${provider}: ${cards.toLocaleString("en")} cards in ${shape.sharedDecks} shared and ${shape.privateDecks} private decks, ` +
        `${states.toLocaleString("en")} card states and ${marks.toLocaleString("en")} marks for ${shape.learners} learners, ` +
        `generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const driver = await openDriver(db);
    const measured: Record<string, Awaited<ReturnType<typeof time>>> = {};
    const baseline: typeof measured = {};
    const cold: typeof measured = {};
    const { creates, names } = queueIndexes(provider);
    try {
      for (const kind of ["deck", "all"] as const)
        measured[kind] = await time(db, driver, shape, kind, options.runs);
      for (const kind of ["deck", "all"] as const)
        cold[kind] = await time(db, driver, shape, kind, baselineRuns, { coldHints: true });
      for (const name of names) await db.prisma.$executeRawUnsafe(`DROP INDEX "${name}"`);
      // Fewer runs without the indexes: each can take many times longer.
      for (const kind of ["deck", "all"] as const)
        baseline[kind] = await time(db, driver, shape, kind, baselineRuns);
    } finally {
      await driver.close();
    }
    for (const create of creates) await db.prisma.$executeRawUnsafe(create);
    await db.prisma.$executeRawUnsafe("ANALYZE");
    console.log(
      `  the same queue builds without ${names.join(" and ")} (${baselineRuns} runs) are the baseline`,
    );
    for (const kind of ["deck", "all"] as const) {
      const after = measured[kind]!;
      const before = baseline[kind]!;
      const line = (label: string, samples: number[], without: number[]) =>
        `    ${label}: ${summary(samples)}; without the indexes ${summary(without)} ` +
        `(p95 ${(percentile(without, 95) / percentile(samples, 95)).toFixed(1)}x); p95 < 5 ms: ${percentile(samples, 95) < 5 ? "met" : "NOT met"}`;
      const cpu =
        provider === "sqlite"
          ? `    CPU time of the queue SQL (SQLite runs in this process): ${summary(after.sqlCpu)}; without the indexes ${summary(before.sqlCpu)}`
          : `    PostgreSQL server CPU per build of the queue SQL (mean, from /proc): ${after.serverCpuPerBuild?.toFixed(2) ?? "?"} ms; without the indexes ${before.serverCpuPerBuild?.toFixed(2) ?? "?"} ms`;
      console.log(
        `  ${kind === "deck" ? "one deck's queue (/decks/[slug]/study)" : "Study all queue (/study)"}, ${after.cardsPerQueue} cards a queue, ${options.runs} runs:\n` +
          `${line("queue SQL on the driver, wall time", after.sql, before.sql)}\n${cpu}\n` +
          `${line("whole read through Prisma, wall time", after.read, before.read)}\n` +
          `    CPU time of the whole read in this process: ${summary(after.readCpu)}; without the indexes ${summary(before.readCpu)}\n` +
          `    first read after new cards were studied (no hint: the walk starts at the deck's first card, the read raises it; ${baselineRuns} runs): ` +
          `whole read ${summary(cold[kind]!.read)}, CPU ${summary(cold[kind]!.readCpu)}`,
      );
    }
    const sample = pickLearnerDeck(shape, seededRandom(5));
    await printQueuePlans(db, { ...sample, now });
  } finally {
    await db.destroy();
  }
}

for (const provider of testProviders)
  if (!options.provider || options.provider === provider) await bench(provider);
