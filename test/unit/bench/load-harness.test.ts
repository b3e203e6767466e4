/**
 * The parts of `npm run bench:load` whose mistakes would make its verdict wrong: the database check
 * (it must report a lost and a doubled grade, not only pass), the reading of the grade route's answer, and the statement counter in the PostgreSQL proxy.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cookieHeader, jsonBody } from "@/bench/load/http-client";
import { createBalancer } from "@/bench/load/balancer";
import { checkDatabase } from "@/bench/load/checks";
import type { GradeRecord } from "@/bench/load/grader";
import { startCountingProxy } from "@/bench/load/pg-proxy";
import {
  adminUrl,
  createTestDatabase,
  postgresUnavailable,
  testProviders,
  type TestDatabase,
} from "@/test/helpers/databases";

const reviewed = new Date("2026-02-01T10:00:00.000Z");

function record(gradeId: string, cardId: string, overrides: Partial<GradeRecord> = {}): GradeRecord {
  return {
    gradeId,
    userId: "local",
    cardId,
    kind: "single",
    sentAt: 0,
    confirmedAt: 1,
    freshSaves: 1,
    duplicateSaves: 0,
    conflicts: 0,
    otherAnswers: 0,
    ...overrides,
  };
}

describe.each(testProviders)("bench:load database check on %s", (provider) => {
  let db: TestDatabase;
  let deckId: string;
  let counter = 0;

  // A database per test: the check reads whole tables, as the bench's database is its own.
  beforeEach(async () => {
    db = await createTestDatabase(provider);
    await db.prisma.user.upsert({
      where: { id: "local" },
      update: {},
      create: { id: "local", name: "Local learner" },
    });
    deckId = (await db.prisma.deck.create({ data: { slug: "d", title: "Deck" } })).id;
  });
  afterEach(async () => db?.destroy());

  /** A card graded `logs` times with its CardState at `version`. */
  async function gradedCard(logs: number, version: number) {
    counter++;
    const card = await db.prisma.card.create({
      data: { deckId, key: `k${counter}`, kind: "basic", front: `Q${counter}`, back: "A", line: counter },
    });
    const schedule = {
      due: reviewed,
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
    };
    await db.prisma.cardState.create({
      data: {
        userId: "local",
        cardId: card.id,
        deckId,
        ...schedule,
        reps: version,
        lapses: 0,
        state: 1,
        version,
      },
    });
    const ids = Array.from({ length: logs }, () => randomUUID());
    for (const id of ids) {
      await db.prisma.reviewLog.create({
        data: {
          id,
          userId: "local",
          cardId: card.id,
          rating: 3,
          state: 0,
          last_elapsed_days: 0,
          review: reviewed,
          ...schedule,
        },
      });
    }
    return { cardId: card.id, ids };
  }

  it("passes a card whose every answered grade is stored once", async () => {
    const { cardId, ids } = await gradedCard(2, 2);
    const check = await checkDatabase(
      db.url,
      ids.map((id) => record(id, cardId)),
    );
    expect(check).toMatchObject({ confirmed: 2, lost: 0, doubled: 0 });
  });

  it("counts a grade answered saved but not stored as lost", async () => {
    const { cardId, ids } = await gradedCard(1, 1);
    const grades = [...ids.map((id) => record(id, cardId)), record(randomUUID(), cardId)];
    const check = await checkDatabase(db.url, grades);
    expect(check).toMatchObject({ confirmed: 2, lost: 1, doubled: 0 });
    expect(check.problems.join("\n")).toMatch(/lost: grade/);
  });

  it("counts two ReviewLogs for one version step, and a log nobody sent, as doubled", async () => {
    const { cardId, ids } = await gradedCard(2, 1);
    const check = await checkDatabase(db.url, [record(ids[0]!, cardId)]);
    // One log more than the version allows, and that log's id was never sent.
    expect(check).toMatchObject({ doubled: 2, lost: 0 });
  });

  it("counts a grade answered 'saved, new' twice as doubled, and keeps unanswered grades apart", async () => {
    const { cardId, ids } = await gradedCard(1, 1);
    const unanswered = record(randomUUID(), cardId, { confirmedAt: null, freshSaves: 0 });
    const check = await checkDatabase(db.url, [record(ids[0]!, cardId, { freshSaves: 2 }), unanswered]);
    expect(check).toMatchObject({ doubled: 1, lost: 0, unconfirmedMissing: 1 });
  });
});

describe("reading the grade route's answer", () => {
  it("returns the JSON of any status, and null for a body that is not JSON", () => {
    const answer = (status: number, body: string) => ({ status, body, setCookies: [] });
    expect(jsonBody(answer(200, '{"status":"saved","duplicate":false,"version":1}'))).toEqual({
      status: "saved",
      duplicate: false,
      version: 1,
    });
    expect(jsonBody(answer(503, '{"status":"busy"}'))).toEqual({ status: "busy" });
    expect(jsonBody(answer(502, "<html>Bad Gateway</html>"))).toBeNull();
  });
});

describe("the load balancer", () => {
  afterEach(() => vi.useRealTimers());

  it("gives a rejoined instance a share of its learners rising from none to all", () => {
    vi.useFakeTimers({ now: 0 });
    let roll = 0.5;
    const balancer = createBalancer(2, 10_000, () => roll);
    expect(balancer.firstChoice(1)).toBe(1);
    balancer.rejoined(1);
    expect(balancer.firstChoice(1)).toBe(0);
    expect(balancer.firstChoice(0)).toBe(0);
    vi.setSystemTime(4_000); // share 0.4: a roll of 0.5 goes elsewhere, 0.3 home
    expect(balancer.firstChoice(1)).toBe(0);
    roll = 0.3;
    expect(balancer.firstChoice(1)).toBe(1);
    vi.setSystemTime(10_000);
    roll = 0.99;
    expect(balancer.firstChoice(1)).toBe(1);
  });

  it("sends nothing to an instance that refused a connection until it rejoins", () => {
    vi.useFakeTimers({ now: 0 });
    const balancer = createBalancer(2, 10_000, () => 0.99);
    balancer.refused(1);
    expect(balancer.firstChoice(1)).toBe(0);
    // A retry after a failure on the first instance does not try the refused one either.
    expect(balancer.nextChoice(0, 1)).toBe(0);
    expect(balancer.nextChoice(1, 0)).toBe(0);
    balancer.rejoined(1);
    expect(balancer.nextChoice(0, 1)).toBe(1);
    vi.setSystemTime(10_000);
    expect(balancer.firstChoice(1)).toBe(1);
  });

  it("sends everything home at once without a slow start", () => {
    const balancer = createBalancer(2, 0, () => 0.99);
    balancer.rejoined(1);
    expect(balancer.firstChoice(1)).toBe(1);
  });
});

describe("the load clients' cookie jar", () => {
  it("keeps cookies, replaces one set again and drops one expired", () => {
    const first = cookieHeader(["session_token=abc; Path=/; HttpOnly", "session_data=v1; Max-Age=60"]);
    expect(first).toBe("session_token=abc; session_data=v1");
    expect(cookieHeader(["session_data=v2; Max-Age=60; Path=/"], first)).toBe(
      "session_token=abc; session_data=v2",
    );
    expect(cookieHeader(["session_data=; Max-Age=0"], first)).toBe("session_token=abc");
  });
});

describe.skipIf(postgresUnavailable !== null)("the counting proxy in front of PostgreSQL", () => {
  it("counts each extended-protocol execution and each simple query", async () => {
    const target = new URL(adminUrl);
    const proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
    try {
      target.host = `127.0.0.1:${proxy.port}`;
      const client = new pg.Client({ connectionString: target.toString() });
      await client.connect();
      const before = proxy.counts();
      await client.query("SELECT 1");
      for (let i = 0; i < 3; i++) await client.query("SELECT $1::int AS n", [i]);
      // A long statement spans several TCP chunks on its way.
      await client.query(`SELECT '${"x".repeat(200_000)}' AS long, $1::int AS n`, [1]);
      await client.end();
      const after = proxy.counts();
      expect(after.query - before.query).toBe(1);
      expect(after.execute - before.execute).toBe(4);
      expect(after.parse - before.parse).toBe(4);
      expect(proxy.statementTexts().get("SELECT $1::int AS n")).toBe(3);
      expect(proxy.statementTexts().get("SELECT 1")).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
