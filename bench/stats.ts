/**
 * `npm run bench:stats [-- --reviews 100000 --cards 5000 --runs 9]`: one learner with a long history
 * (100,000 reviews over ~2 years on ~5,000 cards, written in bulk), on SQLite and PostgreSQL. Times
 * the stats page's server reads (getStatsWith, all decks and one deck) and, when a production build
 * is in .next, GET /stats through the real server; prints median and p95 of several runs and the
 * query plans of the two hour-bucketed aggregates, naming the indexes they use. Target: < 500 ms.
 * No index was added: SQLite reads the window through (userId, review); PostgreSQL's planner reads
 * ReviewLog sequentially here because this one learner owns every row and half of them fall in the
 * year, so that index would not narrow the read.
 * The machines are shared and noisy: medians of one run, not single samples.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { localUserId as userId } from "@/app/lib/auth/local-learner";
import type { OpenDatabase } from "@/app/lib/database/client";
import { cardStateColumns, insertRows, reviewLogColumns } from "@/app/lib/anki/history-sql";
import {
  dueDaysQuery,
  getCardCountsWith,
  getDueDaysWith,
  getMemoryRowsWith,
} from "@/app/lib/data/stats/card-reads";
import { getStatsWith } from "@/app/lib/data/stats/get-stats";
import { getReviewDaysWith, reviewDaysQuery } from "@/app/lib/data/stats/review-days";
import { dayGrid } from "@/app/lib/stats";
import { createTestDatabase, testProviders, type TestProvider } from "@/test/helpers/databases";
import { startApp } from "@/test/e2e/support/server";
import { seededRandom } from "./support/simulate-learner";

const argsSchema = z.object({
  reviews: z.coerce.number().int().min(1_000).max(1_000_000).default(100_000),
  cards: z.coerce.number().int().min(10).max(100_000).default(5_000),
  runs: z.coerce.number().int().min(3).max(50).default(9),
  provider: z.enum(["sqlite", "postgresql"]).optional(),
});
const { values } = parseArgs({
  options: {
    reviews: { type: "string" },
    cards: { type: "string" },
    runs: { type: "string" },
    provider: { type: "string" },
  },
});
const options = argsSchema.parse(values);
const root = path.resolve(import.meta.dirname, "..");
const dayMs = 86_400_000;
const now = new Date();

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const fmt = (samples: number[]) =>
  `median ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms (${samples.length} runs)`;

async function time(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  await task(); // warm-up: connections, prepared plans
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Two decks of cards; each card gets reviews spread over the last two years, ending in a state. */
async function seed({ prisma, provider }: OpenDatabase): Promise<string> {
  const random = seededRandom(42);
  const decks = await Promise.all(
    ["bench-a", "bench-b"].map((slug) => prisma.deck.create({ data: { slug, title: slug } })),
  );
  const cardIds: string[] = [];
  const deckOfCard = new Map<string, string>();
  for (let i = 0; i < options.cards; i += 500) {
    const batch = Array.from({ length: Math.min(500, options.cards - i) }, (_, j) => ({
      id: `card-${i + j}`,
      deckId: decks[(i + j) % 2]!.id,
      key: `k${i + j}`,
      kind: "basic",
      front: `Question ${i + j}`,
      back: "Answer",
      line: i + j + 1,
      position: i + j,
    }));
    await prisma.card.createMany({ data: batch });
    cardIds.push(...batch.map((card) => card.id));
    for (const card of batch) deckOfCard.set(card.id, card.deckId);
  }
  const perCard = Math.ceil(options.reviews / cardIds.length);
  const span = 730 * dayMs;
  const logs: Record<(typeof reviewLogColumns)[number], unknown>[] = [];
  const states: Record<(typeof cardStateColumns)[number], unknown>[] = [];
  let written = 0;
  for (const cardId of cardIds) {
    const times = Array.from({ length: perCard }, () => now.getTime() - random() * span).sort(
      (a, b) => a - b,
    );
    for (const [index, at] of times.entries()) {
      if (written++ >= options.reviews) break;
      const rating = random() < 0.12 ? 1 : random() < 0.2 ? 2 : random() < 0.9 ? 3 : 4;
      logs.push({
        id: `log-${written}`,
        userId,
        cardId,
        rating,
        state: index === 0 ? 0 : 2,
        due: new Date(at),
        stability: 1 + random() * 100,
        difficulty: 1 + random() * 9,
        elapsed_days: 1,
        last_elapsed_days: 1,
        scheduled_days: Math.floor(random() * 60),
        learning_steps: 0,
        review: new Date(at),
        durationMs: Math.floor(2_000 + random() * 20_000),
        createdAt: new Date(at),
      });
    }
    states.push({
      id: `state-${cardId}`,
      userId,
      cardId,
      deckId: deckOfCard.get(cardId),
      due: new Date(now.getTime() + (random() * 40 - 5) * dayMs),
      stability: Math.exp(random() * 6),
      difficulty: 1 + random() * 9,
      elapsed_days: 0,
      scheduled_days: 10,
      learning_steps: 0,
      reps: perCard,
      lapses: 1,
      state: random() < 0.9 ? 2 : 3,
      last_review: new Date(times.at(-1) ?? now.getTime()),
      version: 1,
      updatedAt: now,
    });
  }
  for (let i = 0; i < logs.length; i += 500) {
    const { sql, params } = insertRows(provider, "ReviewLog", reviewLogColumns, logs.slice(i, i + 500));
    await prisma.$executeRawUnsafe(sql, ...params);
  }
  for (let i = 0; i < states.length; i += 500) {
    const { sql, params } = insertRows(provider, "CardState", cardStateColumns, states.slice(i, i + 500));
    await prisma.$executeRawUnsafe(sql, ...params);
  }
  // Fresh statistics, as a database that has lived with this history would have.
  await prisma.$executeRawUnsafe(`ANALYZE`);
  return decks[0]!.id;
}

async function plan(db: OpenDatabase, label: string, query: { sql: string; params: unknown[] }) {
  const explain = db.provider === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN";
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `${explain} ${query.sql}`,
    ...query.params,
  );
  const lines = rows.map((row) => String(row.detail ?? row["QUERY PLAN"] ?? JSON.stringify(row)));
  const indexes = [
    ...new Set(
      lines
        .join("\n")
        .match(/(?:INDEX|index|Index Scan using|Index Only Scan using|Bitmap Index Scan on) "?([\w]+)"?/g) ??
        [],
    ),
  ];
  console.log(`  plan of ${label} (indexes: ${indexes.join("; ") || "none"}):`);
  for (const line of lines) console.log(`    ${line}`);
}

async function bench(provider: TestProvider) {
  const db = await createTestDatabase(provider);
  try {
    const seedStart = performance.now();
    const deckId = await seed(db);
    const count = await db.prisma.reviewLog.count();
    console.log(
      `\n${provider}: ${count.toLocaleString("en")} reviews on ${options.cards.toLocaleString("en")} cards seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const all = await time(options.runs, () => getStatsWith(db, { userId, deckId: null }, now));
    console.log(`  stats reads, all decks: ${fmt(all)}`);
    const one = await time(options.runs, () => getStatsWith(db, { userId, deckId }, now));
    console.log(`  stats reads, one deck:  ${fmt(one)}`);
    const grid = dayGrid(now, "UTC", 4, 365);
    const coming = dayGrid(now, "UTC", 4, 30, true);
    const scope = { userId, deckId: null };
    const parts = {
      "reviews by day": () => getReviewDaysWith(db, scope, grid),
      "due by day": () => getDueDaysWith(db, scope, coming),
      "cards by state": () => getCardCountsWith(db.prisma, scope),
      "memory rows": () => getMemoryRowsWith(db.prisma, scope),
    };
    for (const [name, read] of Object.entries(parts))
      console.log(`    ${name}: ${fmt(await time(options.runs, read))}`);
    await plan(db, "reviews by day, all decks", reviewDaysQuery(db.provider, { userId, deckId: null }, grid));
    await plan(db, "reviews by day, one deck", reviewDaysQuery(db.provider, { userId, deckId }, grid));
    await plan(db, "due by day", dueDaysQuery(db.provider, { userId, deckId: null }, coming));
    if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
      console.log("  GET /stats: skipped (no production build in .next; run npm run build)");
      return;
    }
    const app = await startApp({ databaseUrl: db.url, contentDir: false });
    try {
      const get = (search: string) => async () => {
        const response = await fetch(`${app.baseUrl}/stats${search}`);
        if (!response.ok) throw new Error(`GET /stats${search}: ${response.status}`);
        await response.text();
      };
      console.log(
        `  GET /stats (whole page on the production server): ${fmt(await time(options.runs, get("")))}`,
      );
      console.log(`  GET /stats?deck=bench-a: ${fmt(await time(options.runs, get("?deck=bench-a")))}`);
    } finally {
      await app.stop();
    }
  } finally {
    await db.destroy();
  }
}

for (const provider of testProviders)
  if (!options.provider || options.provider === provider) await bench(provider);
