/**
 * POST /api/grades, the study page's grade save, through the route handler on a real database:
 * every refusal has its status (401 nobody signed in, 403 another site's page, 413 too large,
 * 400 not JSON, 422 invalid, 404 another learner's card) and writes nothing, and the page's own
 * client (postGrade, with fetch pointed at the handler) reads a saved grade back with Dates.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/app/lib/auth/viewer";
import type { OpenDatabase } from "@/app/lib/database/client";
import { GradeNotSavedError, postGrade } from "@/app/lib/study/post-grade";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { a, b, seedTwoLearners, type TwoLearners } from "@/test/unit/authz/learners";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/app/lib/auth/session", () => ({ readSessionViewer: async () => session.viewer }));

const { POST } = await import("@/app/api/grades/route");

const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
const origin = "http://localhost:3000";
const ownPage = { host: "localhost:3000", origin, "sec-fetch-site": "same-origin" };
const signedIn = (learner: { userId: string }): Viewer => ({
  userId: learner.userId,
  name: learner.userId,
  email: null,
  accounts: true,
});
const post = (body: BodyInit, headers: Record<string, string> = ownPage) =>
  POST(new Request(`${origin}/api/grades`, { method: "POST", body, headers, duplex: "half" } as RequestInit));

describe.each(testProviders)("POST /api/grades on %s", (provider) => {
  let db: TestDatabase;
  let seed: TwoLearners;
  const grade = (cardId: string, overrides: object = {}) => ({
    gradeId: randomUUID(),
    cardId,
    rating: 3,
    expectedVersion: 0,
    durationMs: 1500,
    ...overrides,
  });
  const logCount = () => db.prisma.reviewLog.count();

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedTwoLearners(db.prisma);
    appDb.notecardsDb = Promise.resolve(db);
  });
  afterAll(async () => {
    delete appDb.notecardsDb;
    await db?.destroy();
  });
  beforeEach(() => {
    vi.stubEnv("ACCOUNTS", "on");
    vi.stubEnv("BETTER_AUTH_SECRET", "x".repeat(32));
    session.viewer = signedIn(a);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it("refuses nobody signed in (401), another site's page (403) and a foreign Host (403)", async () => {
    const before = await logCount();
    const body = JSON.stringify(grade(seed.sharedCardIds[1]!));
    session.viewer = null;
    expect((await post(body)).status).toBe(401);
    session.viewer = signedIn(a);
    const crossSite = await post(body, { ...ownPage, "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatch(/another site/);
    expect((await post(body, { ...ownPage, host: "evil.test" })).status).toBe(403);
    expect(await logCount()).toBe(before);
  });

  it("refuses a body over 4 KB (413), declared or streamed, and one that is not JSON (400)", async () => {
    const before = await logCount();
    const big = JSON.stringify({ ...grade(seed.sharedCardIds[1]!), padding: "x".repeat(5_000) });
    expect((await post(big)).status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1_000)));
        controller.close();
      },
    });
    const streamed = await post(chunks);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toMatch(/limit/);
    expect((await post("rating=3")).status).toBe(400);
    expect(await logCount()).toBe(before);
  });

  it("answers 422 with the fields at fault for an invalid grade", async () => {
    const response = await post(JSON.stringify(grade(seed.sharedCardIds[1]!, { rating: 7 })));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ status: "invalid", errors: { rating: expect.any(Array) } });
  });

  it("answers 404 to a learner grading another learner's private card, and stores nothing", async () => {
    session.viewer = signedIn(b);
    const before = await logCount();
    const response = await post(JSON.stringify(grade(seed.privateCardIds[1]!)));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ status: "not-found", cardId: seed.privateCardIds[1] });
    expect(await logCount()).toBe(before);
  });

  it("saves through the page's client, which reads the schedule back with Dates, once per grade id", async () => {
    vi.stubGlobal("fetch", (url: string, init: RequestInit) =>
      post(init.body as string, { ...ownPage, "content-type": "application/json" }),
    );
    const sent = { ...grade(seed.privateCardIds[1]!), rating: 3 as const };
    const saved = await postGrade(sent);
    expect(saved).toMatchObject({ status: "saved", duplicate: false, version: 1 });
    if (saved.status !== "saved") throw new Error("not saved");
    expect(saved.schedule?.due).toBeInstanceOf(Date);
    const stored = await db.prisma.cardState.findFirstOrThrow({
      where: { userId: a.userId, cardId: sent.cardId },
    });
    expect(saved.schedule?.due.getTime()).toBe(stored.due.getTime());
    expect(await postGrade(sent)).toMatchObject({ status: "saved", duplicate: true, version: 1 });
    expect(await db.prisma.reviewLog.count({ where: { id: sent.gradeId } })).toBe(1);
  });

  it("makes the client throw on an answer that is no grade result, for the outbox to retry", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>Bad Gateway</html>", { status: 502 }));
    await expect(postGrade({ ...grade(seed.sharedCardIds[1]!), rating: 3 })).rejects.toThrow(
      GradeNotSavedError,
    );
  });
});
