import { describe, expect, it } from "vitest";
import { cookieCacheExpiry, createVerifiedSessions } from "@/app/lib/auth/verified-sessions";

const sessionData = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");

describe("cookieCacheExpiry", () => {
  it("reads expiresAt from better-auth's session_data cookie, with or without the https prefix", () => {
    const data = sessionData({ session: {}, expiresAt: 1_800_000_000_000, signature: "x" });
    expect(cookieCacheExpiry(`better-auth.session_token=abc.def; better-auth.session_data=${data}`)).toBe(
      1_800_000_000_000,
    );
    expect(cookieCacheExpiry(`__Secure-better-auth.session_data=${data}`)).toBe(1_800_000_000_000);
  });

  it("gives null without the cookie, for a chunked or unreadable one, or a non-numeric expiry", () => {
    expect(cookieCacheExpiry("better-auth.session_token=abc.def")).toBeNull();
    expect(cookieCacheExpiry(`better-auth.session_data.0=${sessionData({ expiresAt: 1 })}`)).toBeNull();
    expect(cookieCacheExpiry("better-auth.session_data=%%%not-base64")).toBeNull();
    expect(cookieCacheExpiry(`better-auth.session_data=${sessionData({ expiresAt: "soon" })}`)).toBeNull();
  });
});

describe("createVerifiedSessions", () => {
  it("answers only the exact header, and only until its expiry", () => {
    let now = 1_000;
    const sessions = createVerifiedSessions<string>(10, () => now);
    sessions.remember("a=1", "learner A", 2_000);
    expect(sessions.get("a=1")).toBe("learner A");
    expect(sessions.get("a=1; b=2")).toBeUndefined();
    now = 2_000;
    expect(sessions.get("a=1")).toBeUndefined();
    sessions.remember("c=3", "learner C", 1_500);
    expect(sessions.get("c=3")).toBeUndefined();
  });

  it("forgets the oldest header past its bound", () => {
    const sessions = createVerifiedSessions<number>(2, () => 0);
    sessions.remember("one", 1, 10);
    sessions.remember("two", 2, 10);
    sessions.remember("three", 3, 10);
    expect([sessions.get("one"), sessions.get("two"), sessions.get("three")]).toEqual([undefined, 2, 3]);
  });
});
