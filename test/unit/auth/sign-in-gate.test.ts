import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { needsSignIn } from "@/app/lib/auth/sign-in-gate";
import { proxy } from "@/proxy";

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers: { host: "localhost:3000", ...init.headers },
  });

describe("the sign-in gate for pages", () => {
  it("stops a page visit with no session cookie", () => {
    expect(needsSignIn(request("/"))).toBe(true);
    expect(needsSignIn(request("/decks/spanish/study"))).toBe(true);
  });

  it("lets through a visit with a session cookie, plain or __Secure-, leaving its check to the server", () => {
    expect(needsSignIn(request("/", { headers: { cookie: "better-auth.session_token=abc" } }))).toBe(false);
    expect(needsSignIn(request("/", { headers: { cookie: "__Secure-better-auth.session_token=abc" } }))).toBe(
      false,
    );
    expect(needsSignIn(request("/", { headers: { cookie: "better-auth.session_data=abc" } }))).toBe(true);
  });

  it("leaves the sign-in pages, server actions and router fetches alone", () => {
    expect(needsSignIn(request("/sign-in"))).toBe(false);
    expect(needsSignIn(request("/sign-up?next=/stats"))).toBe(false);
    expect(needsSignIn(request("/sign-in-elsewhere"))).toBe(true);
    expect(needsSignIn(request("/decks/x/study", { method: "POST" }))).toBe(false);
    expect(needsSignIn(request("/stats", { headers: { rsc: "1" } }))).toBe(false);
  });
});

describe("the proxy with accounts on", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("redirects a signed-out page visit to sign-in with the path to come back to", () => {
    process.env.ACCOUNTS = "on";
    const response = proxy(request("/decks/spanish?tab=cards"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/sign-in?next=%2Fdecks%2Fspanish%3Ftab%3Dcards",
    );
    expect(proxy(request("/")).headers.get("location")).toBe("http://localhost:3000/sign-in");
    expect(proxy(request("/api/auth/get-session")).status).toBe(200);
  });

  it("redirects nobody with accounts off", () => {
    process.env.ACCOUNTS = "off";
    expect(proxy(request("/decks/spanish")).status).toBe(200);
  });
});
