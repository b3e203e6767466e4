/**
 * better-auth as the app configures it (create-auth.ts), driven through its HTTP router exactly as the
 * sign-in and sign-up forms drive it, on a real SQLite file and a real PostgreSQL database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "@/app/lib/auth/create-auth";
import { localUserId } from "@/app/lib/auth/local-learner";
import { readEnv } from "@/app/lib/env";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const origin = "http://localhost:3000";
const env = (extra: Record<string, string> = {}) =>
  readEnv({
    ACCOUNTS: "on",
    BETTER_AUTH_SECRET: "t".repeat(40),
    PORT: "3000",
    AUTH_RATE_LIMIT: "3",
    ...extra,
  });

function post(auth: Auth, path: string, body: unknown, headers: Record<string, string> = {}) {
  return auth.handler(
    new Request(`${origin}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": "203.0.113.9", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

describe.each(testProviders)("accounts over HTTP on %s", (provider) => {
  let db: TestDatabase;
  let auth: Auth;
  let signedUp: Response;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await db.prisma.learnerSettings.create({ data: { userId: localUserId, newPerDay: 3 } });
    auth = createAuth(db, env());
    signedUp = await post(auth, "/sign-up/email", {
      name: "Ada",
      email: "ada@example.org",
      password: "correct horse",
    });
  });
  afterAll(async () => db?.destroy());

  it("signs up with an httpOnly, SameSite=Lax session cookie, not Secure over plain http", async () => {
    expect(signedUp.status).toBe(200);
    const session = signedUp.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
  });

  it("marks the cookie Secure, with the __Secure- prefix, when the app is served over https", async () => {
    const secure = createAuth(db, env({ BETTER_AUTH_URL: "https://cards.example.org" }));
    const response = await post(
      secure,
      "/sign-up/email",
      { name: "Bo", email: "bo@example.org", password: "correct horse" },
      { origin: "https://cards.example.org", "x-forwarded-for": "203.0.113.10" },
    );
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(session).toMatch(/^__Secure-better-auth\.session_token=.*; Secure/);
  });

  it("stores a hash of the password, never the password", async () => {
    const account = await db.prisma.account.findFirstOrThrow({ where: { providerId: "credential" } });
    expect(account.password).not.toContain("correct horse");
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it("reads the session back from the cookie, and gives the first account the local learner's progress", async () => {
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieHeader(signedUp) }) });
    expect(session?.user.email).toBe("ada@example.org");
    const userId = session!.user.id;
    expect(await db.prisma.learnerSettings.findUnique({ where: { userId } })).toMatchObject({ newPerDay: 3 });
    expect(await db.prisma.user.findUnique({ where: { id: localUserId } })).toBeNull();
  });

  it("trusts the signed cookie cache for a minute: a session deleted elsewhere still reads until then", async () => {
    const cookie = cookieHeader(signedUp);
    await db.prisma.session.deleteMany({ where: { user: { email: "ada@example.org" } } });
    const cached = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(cached?.user.email).toBe("ada@example.org");
    const tokenOnly = cookie
      .split("; ")
      .filter((pair) => pair.startsWith("better-auth.session_token="))
      .join("; ");
    expect(await auth.api.getSession({ headers: new Headers({ cookie: tokenOnly }) })).toBeNull();
  });

  it("answers an unknown email and a wrong password alike", async () => {
    const ip = { "x-forwarded-for": "203.0.113.20" };
    const wrong = await post(
      auth,
      "/sign-in/email",
      { email: "ada@example.org", password: "wrong pass" },
      ip,
    );
    const unknown = await post(
      auth,
      "/sign-in/email",
      { email: "who@example.org", password: "wrong pass" },
      ip,
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("refuses a taken email, a short password and a malformed email", async () => {
    const ip = { "x-forwarded-for": "203.0.113.30" };
    const taken = await post(
      auth,
      "/sign-up/email",
      { name: "A", email: "ada@example.org", password: "12345678" },
      ip,
    );
    expect(taken.status).toBe(422);
    expect((await taken.json()).code).toMatch(/^USER_ALREADY_EXISTS/);
    const short = await post(
      auth,
      "/sign-up/email",
      { name: "A", email: "x@example.org", password: "1234567" },
      ip,
    );
    expect((await short.json()).code).toBe("PASSWORD_TOO_SHORT");
    const malformed = await post(auth, "/sign-up/email", {
      name: "A",
      email: "x.example.org",
      password: "12345678",
    });
    expect(malformed.status).toBe(400);
  });

  it("limits sign-in attempts to AUTH_RATE_LIMIT a minute per address, counted across instances", async () => {
    const second = createAuth(db, env());
    const ip = { "x-forwarded-for": "198.51.100.7" };
    const attempt = (instance: Auth) =>
      post(instance, "/sign-in/email", { email: "ada@example.org", password: "wrong pass" }, ip);
    const statuses = [
      (await attempt(auth)).status,
      (await attempt(second)).status,
      (await attempt(auth)).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await attempt(second);
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get("X-Retry-After"));
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    // The right password is refused too while limited; another address is not.
    const right = await post(
      auth,
      "/sign-in/email",
      { email: "ada@example.org", password: "correct horse" },
      ip,
    );
    expect(right.status).toBe(429);
    const elsewhere = await post(
      auth,
      "/sign-in/email",
      { email: "ada@example.org", password: "correct horse" },
      { "x-forwarded-for": "198.51.100.8" },
    );
    expect(elsewhere.status).toBe(200);
  });

  it("limits sign-in attempts per account too, so rotating X-Forwarded-For does not dodge the limit", async () => {
    const address = (i: number) => ({ "x-forwarded-for": `192.0.2.${i + 10}` });
    const created = await post(
      auth,
      "/sign-up/email",
      { name: "Grace", email: "grace@example.org", password: "correct horse" },
      address(0),
    );
    expect(created.status).toBe(200);
    // AUTH_RATE_LIMIT is 3 here: 9 attempts per account over five minutes, each from a new address.
    const statuses: number[] = [];
    for (let i = 1; i <= 9; i++) {
      const guess = { email: "Grace@Example.org", password: `guess ${i}` };
      statuses.push((await post(auth, "/sign-in/email", guess, address(i))).status);
    }
    expect(statuses).toEqual(Array(9).fill(401));
    const limited = await post(
      auth,
      "/sign-in/email",
      { email: "grace@example.org", password: "correct horse" },
      address(20),
    );
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get("X-Retry-After"));
    expect(wait).toBeGreaterThan(250);
    expect(wait).toBeLessThanOrEqual(300);
    // Another account is not held back by Grace's.
    const other = await post(
      auth,
      "/sign-in/email",
      { email: "ada@example.org", password: "correct horse" },
      address(21),
    );
    expect(other.status).not.toBe(429);
  });

  it("limits sign-up attempts the same way", async () => {
    const ip = { "x-forwarded-for": "198.51.100.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await post(
        auth,
        "/sign-up/email",
        { name: "S", email: `s${i}@example.org`, password: "1234567" },
        ip,
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});
