/**
 * The session read of app/lib/auth/session-reader.ts against better-auth as the app configures it,
 * on a real SQLite file and a real PostgreSQL database: a Server Action never renews a cookie (a
 * cookie set in an action makes Next render the page into its answer), pages do as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, sessionCacheSeconds, type Auth } from "@/app/lib/auth/create-auth";
import { readSessionWith } from "@/app/lib/auth/session-reader";
import { createVerifiedSessions } from "@/app/lib/auth/verified-sessions";
import type { Viewer } from "@/app/lib/auth/viewer";
import { readEnv } from "@/app/lib/env";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const origin = "http://localhost:3000";
const env = readEnv({
  ACCOUNTS: "on",
  BETTER_AUTH_SECRET: "s".repeat(40),
  PORT: "3000",
  AUTH_RATE_LIMIT: "50",
});
const cookieNames = (setCookies: string[]) => setCookies.map((cookie) => cookie.split("=")[0]).sort();

describe.each(testProviders)("reading the session on %s", (provider) => {
  let db: TestDatabase;
  let auth: Auth;
  /** The session token cookie alone: the signed one-minute copy has expired and the browser dropped it. */
  let tokenOnly: Headers;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    auth = createAuth(db, env);
    const signedUp = await auth.handler(
      new Request(`${origin}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ name: "Ada", email: "ada@example.org", password: "correct horse" }),
      }),
    );
    expect(signedUp.status).toBe(200);
    const token = signedUp.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("better-auth.session_token="));
    tokenOnly = new Headers({ cookie: token!.split(";")[0]! });
  });
  afterAll(async () => db?.destroy());

  it("in a Server Action, reads an expired copy's session from the database and writes no cookie", async () => {
    const verified = createVerifiedSessions<Viewer>(10);
    const read = await readSessionWith(auth, tokenOnly, { serverAction: true, verified });
    expect(read.viewer?.email).toBe("ada@example.org");
    expect(read.setCookies).toEqual([]);
  });

  it("on a page, renews the signed copy as better-auth does", async () => {
    const verified = createVerifiedSessions<Viewer>(10);
    const read = await readSessionWith(auth, tokenOnly, { serverAction: false, verified });
    expect(read.viewer?.email).toBe("ada@example.org");
    expect(cookieNames(read.setCookies)).toContain("better-auth.session_data");
  });

  it("trusts an action's database read for the copy's minute, then asks again", async () => {
    let now = Date.now();
    const verified = createVerifiedSessions<Viewer>(10, () => now);
    const read = () => readSessionWith(auth, tokenOnly, { serverAction: true, verified, now });
    expect((await read()).viewer?.email).toBe("ada@example.org");
    // Signed out elsewhere: the session row is gone, which a cookie copy would also not see for a minute.
    const sessions = await db.prisma.session.findMany();
    await db.prisma.session.deleteMany();
    try {
      now += 30_000;
      expect((await read()).viewer?.email).toBe("ada@example.org");
      now += sessionCacheSeconds * 1000;
      expect((await read()).viewer).toBeNull();
    } finally {
      await db.prisma.session.createMany({ data: sessions });
    }
  });

  it("still pushes back the session's expiry once a day from an action, writing its cookies then", async () => {
    const verified = createVerifiedSessions<Viewer>(10);
    // Signed in six days ago: past better-auth's one-day update age, so the expiry is due to move.
    const soon = new Date(Date.now() + 24 * 3_600_000);
    await db.prisma.session.updateMany({ data: { expiresAt: soon } });
    const read = await readSessionWith(auth, tokenOnly, { serverAction: true, verified });
    expect(read.viewer?.email).toBe("ada@example.org");
    expect(cookieNames(read.setCookies)).toContain("better-auth.session_token");
    const stored = await db.prisma.session.findFirstOrThrow();
    expect(stored.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 3 * 24 * 3_600_000);
  });
});
