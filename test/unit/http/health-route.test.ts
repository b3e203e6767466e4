/**
 * GET /api/health, the readiness check a load balancer asks before it sends an instance learners:
 * 200 once the app's database is open and answering (on each database), 503 with a reason while it
 * cannot be reached, and 200 again once it can, without a restart (getDb forgets a failed open).
 */
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { checkReadiness } from "@/app/lib/database/readiness";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const { GET } = await import("@/app/api/health/route");

const appDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };
/** Nothing listens on port 1: the connection is refused at once. */
const unreachable = "postgresql://postgres@127.0.0.1:1/notecards";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe.each(testProviders)("GET /api/health on %s", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    const opened = await appDb.notecardsDb?.catch(() => undefined);
    delete appDb.notecardsDb;
    await opened?.close();
    await db?.destroy();
  });

  it("answers 503 while the database cannot be reached, then 200 once it can, without a restart", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    delete appDb.notecardsDb;
    vi.stubEnv("DATABASE_URL", unreachable);
    const down = await GET();
    expect(down.status).toBe(503);
    expect(down.headers.get("Retry-After")).toBe("5");
    expect(down.headers.get("Cache-Control")).toBe("no-store");
    // The reason, without the server's address or the driver's message.
    const { error } = await down.json();
    expect(error).toBe("The database cannot be reached.");
    expect(logged).toHaveBeenCalled();

    vi.stubEnv("DATABASE_URL", db.url);
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok" });
    expect(up.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("checkReadiness", () => {
  it("says not ready when opening the database does not finish in time", async () => {
    const started = performance.now();
    const readiness = await checkReadiness(() => new Promise<OpenDatabase>(() => undefined), 50);
    expect(readiness).toEqual({ ready: false, reason: "The database did not answer within 50 ms." });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
