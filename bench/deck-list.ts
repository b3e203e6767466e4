/**
 * `npm run bench:decks [-- --decks 1000000 --cards 41000 --requests 10 --provider sqlite|postgresql]`:
 * fills a database with `--decks` decks of one card each, and one deck with `--cards` more (bulk
 * SQL), serves it with the production build, and times `GET /` (the deck list's first page), a
 * page deep in the list (`/?after=`), `/settings` (which lists decks for export), and the big
 * deck's page and a search in it. The baseline, measured in the same run, is `/decks/new`, a page
 * that reads no decks; the ratio says what listing costs. The run fails unless the median `GET /`
 * answers within 2 s.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { openDatabase } from "@/app/lib/database/client";
import { startApp } from "@/test/e2e/support/server";
import { fillCards, fillDecks } from "./support/bulk-decks";
import { ensureProductionBuild } from "./support/production-build";
import { groupResidentBytes } from "./support/process-memory";

const argsSchema = z.object({
  decks: z.coerce.number().int().min(100).max(5_000_000).default(1_000_000),
  cards: z.coerce.number().int().min(0).max(200_000).default(41_000),
  requests: z.coerce.number().int().min(3).max(100).default(10),
  provider: z.enum(["sqlite", "postgresql"]).default("sqlite"),
});
const { values } = parseArgs({
  options: {
    decks: { type: "string" },
    cards: { type: "string" },
    requests: { type: "string" },
    provider: { type: "string" },
  },
});
const { decks, cards, requests, provider } = argsSchema.parse(values);
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/** A fresh database of the chosen provider, and how to remove it. */
async function createDatabase(): Promise<{ url: string; remove(): Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "notecards-bench-decks-"));
    return {
      url: `file:${path.join(dir, "bench.db")}`,
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `notecards_bench_decks_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function timeGet(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

ensureProductionBuild();
const database = await createDatabase();
try {
  const db = await openDatabase(database.url);
  const filling = performance.now();
  await fillDecks(db, decks);
  const bigDeck = await db.prisma.deck.findUniqueOrThrow({ where: { slug: "deck-1" }, select: { id: true } });
  await fillCards(db, bigDeck.id, cards);
  const deep = await db.prisma.deck.findMany({
    orderBy: [{ title: "desc" }, { id: "desc" }],
    take: 60,
    select: { id: true },
  });
  await db.close();
  console.log(
    `Filled ${decks.toLocaleString("en")} decks, one with ${cards.toLocaleString("en")} more cards (${provider}), in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
  );

  const app = await startApp({ databaseUrl: database.url, contentDir: false });
  try {
    const pages = {
      "GET / (first page)": "/",
      "GET /?after= (last page)": `/?after=${deep.at(-1)!.id}`,
      "GET /settings": "/settings",
      [`GET /decks/<${cards + 1} cards>`]: "/decks/deck-1",
      "GET /decks/<...>?q=term 4000": "/decks/deck-1?q=term+4000",
      "GET /decks/new (baseline)": "/decks/new",
    };
    for (const pathname of Object.values(pages)) await timeGet(`${app.baseUrl}${pathname}`);
    const samples = new Map<string, { ms: number[]; status: number; bytes: number }>();
    for (let run = 0; run < requests; run++) {
      for (const [label, pathname] of Object.entries(pages)) {
        const result = await timeGet(`${app.baseUrl}${pathname}`);
        const entry = samples.get(label) ?? { ms: [], status: result.status, bytes: result.bytes };
        entry.ms.push(result.ms);
        entry.status = result.status;
        samples.set(label, entry);
      }
    }
    const baseline = median(samples.get("GET /decks/new (baseline)")!.ms);
    console.log(
      `\n${requests} requests each, production build, ${decks.toLocaleString("en")} decks on ${provider}:`,
    );
    for (const [label, entry] of samples) {
      const ms = median(entry.ms);
      console.log(
        `  ${label.padEnd(32)} ${entry.status}  median ${ms.toFixed(0).padStart(5)} ms, max ${Math.max(
          ...entry.ms,
        )
          .toFixed(0)
          .padStart(5)} ms, ` +
          `${(entry.bytes / 1024).toFixed(0)} KB HTML, ${(ms / baseline).toFixed(1)}x baseline`,
      );
    }
    console.log(
      `  server resident memory after: ${(groupResidentBytes(app.pid) / 1024 / 1024).toFixed(0)} MB`,
    );
    const home = samples.get("GET / (first page)")!;
    const ok = home.status === 200 && median(home.ms) < 2_000;
    console.log(ok ? "  PASS: GET / answers within 2 s" : "  FAIL: GET / must answer 200 within 2 s");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app.stop();
  }
} finally {
  await database.remove();
}
