import { describe, expect, it } from "vitest";
import { readEnv, readServerEnv } from "@/app/lib/env";
import { authBaseUrl, trustedOrigins, usesSecureCookies } from "@/app/lib/auth/origins";

const secret = "s".repeat(32);
const postgres = "postgresql://postgres@127.0.0.1:5432/notecards";

describe("the accounts switch", () => {
  it("is off on the embedded SQLite default and on on PostgreSQL", () => {
    expect(readEnv({}).ACCOUNTS).toBe(false);
    expect(readEnv({ DATABASE_URL: "file:./x.db" }).ACCOUNTS).toBe(false);
    expect(readEnv({ DATABASE_URL: postgres }).ACCOUNTS).toBe(true);
  });

  it("follows ACCOUNTS when it is set", () => {
    expect(readEnv({ ACCOUNTS: "on" }).ACCOUNTS).toBe(true);
    expect(readEnv({ DATABASE_URL: postgres, ACCOUNTS: "off" }).ACCOUNTS).toBe(false);
    expect(() => readEnv({ ACCOUNTS: "yes" })).toThrow(/ACCOUNTS/);
  });
});

describe("the server's secret", () => {
  it("refuses to start with accounts on and no secret, saying how to make one", () => {
    expect(() => readServerEnv({ DATABASE_URL: postgres })).toThrow(
      /BETTER_AUTH_SECRET.*at least 32 characters.*openssl rand -base64 32.*ACCOUNTS=off/,
    );
    expect(() => readServerEnv({ ACCOUNTS: "on" })).toThrow(/BETTER_AUTH_SECRET/);
  });

  it("refuses a secret shorter than 32 characters, blanks trimmed", () => {
    expect(() => readServerEnv({ ACCOUNTS: "on", BETTER_AUTH_SECRET: "s".repeat(31) })).toThrow(
      /BETTER_AUTH_SECRET/,
    );
    expect(() => readServerEnv({ ACCOUNTS: "on", BETTER_AUTH_SECRET: ` ${"s".repeat(31)}  ` })).toThrow(
      /BETTER_AUTH_SECRET/,
    );
    expect(readServerEnv({ ACCOUNTS: "on", BETTER_AUTH_SECRET: secret }).BETTER_AUTH_SECRET).toBe(secret);
  });

  it("needs none with accounts off", () => {
    expect(readServerEnv({}).ACCOUNTS).toBe(false);
    expect(readServerEnv({ DATABASE_URL: postgres, ACCOUNTS: "off" }).ACCOUNTS).toBe(false);
  });

  it("is not asked of the cards command, which serves no sign-ins", () => {
    expect(readEnv({ DATABASE_URL: postgres }).DATABASE_URL).toBe(postgres);
  });
});

describe("where the app is reached", () => {
  it("takes BETTER_AUTH_URL's origin, else localhost on PORT", () => {
    expect(readEnv({ BETTER_AUTH_URL: "https://cards.example.org/app" }).BETTER_AUTH_URL).toBe(
      "https://cards.example.org/app",
    );
    expect(authBaseUrl(readEnv({ BETTER_AUTH_URL: "https://cards.example.org/app" }))).toBe(
      "https://cards.example.org",
    );
    expect(authBaseUrl(readEnv({ PORT: "4000" }))).toBe("http://localhost:4000");
    expect(() => readEnv({ BETTER_AUTH_URL: "ftp://cards.example.org" })).toThrow(/BETTER_AUTH_URL/);
    expect(() => readEnv({ BETTER_AUTH_URL: "not a url" })).toThrow(/BETTER_AUTH_URL/);
  });

  it("marks cookies Secure only over https", () => {
    expect(usesSecureCookies(readEnv({ BETTER_AUTH_URL: "https://cards.example.org" }))).toBe(true);
    expect(usesSecureCookies(readEnv({}))).toBe(false);
  });

  it("trusts the base URL and every allowed host, any port for a host named without one", () => {
    const origins = trustedOrigins(
      readEnv({
        BETTER_AUTH_URL: "https://cards.example.org",
        ALLOWED_HOSTS: "cards.example.org,127.0.0.1:3000",
      }),
    );
    expect(origins).toEqual(
      expect.arrayContaining([
        "https://cards.example.org",
        "https://cards.example.org:*",
        "http://127.0.0.1:3000",
        "https://127.0.0.1:3000",
      ]),
    );
    expect(origins).not.toContain("http://127.0.0.1:*");
    expect(trustedOrigins(readEnv({ PORT: "3000" }))).toEqual(
      expect.arrayContaining(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]),
    );
  });
});

describe("the process environment", () => {
  it("is parsed once while it stays the same, and again as soon as a variable changes", () => {
    const saved = { CONTENT_DIR: process.env.CONTENT_DIR, ACCOUNTS: process.env.ACCOUNTS };
    try {
      process.env.CONTENT_DIR = "notes-a";
      const first = readEnv();
      expect(first.CONTENT_DIR).toBe("notes-a");
      expect(readEnv()).toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen(first.ALLOWED_HOSTS)).toBe(true);

      process.env.CONTENT_DIR = "notes-b";
      expect(readEnv().CONTENT_DIR).toBe("notes-b");
      process.env.ACCOUNTS = "yes";
      expect(() => readEnv()).toThrow(/ACCOUNTS/);
      delete process.env.ACCOUNTS;
      expect(readEnv().CONTENT_DIR).toBe("notes-b");
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
