import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const request = (path: string, host = "localhost:3000") =>
  new NextRequest(`http://localhost:3000${path}`, { headers: { host } });
const policyOf = (path: string) => proxy(request(path)).headers.get("content-security-policy") ?? "";

describe("proxy", () => {
  it("gives every page a policy with a fresh nonce for scripts, and forbids framing", () => {
    const first = policyOf("/");
    const second = policyOf("/decks/cells");
    const nonce = /'nonce-([A-Za-z0-9+/=]{20,})'/.exec(first)?.[1];
    expect(nonce).toBeDefined();
    expect(second).not.toContain(nonce);
    expect(first).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(first).toContain("frame-ancestors 'none'");
    expect(first).toContain("object-src 'none'");
    const directive = (name: string) => first.split("; ").find((part) => part.split(" ")[0] === name) ?? "";
    expect(directive("script-src")).not.toContain("unsafe-inline");
    expect(directive("style-src")).not.toContain("unsafe-inline");
    expect(directive("font-src")).toBe("font-src 'self'");
    // KaTeX sizes formulas with style attributes; <style> elements still need the nonce.
    expect(directive("style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
  });

  it("hands the policy to Next with the request, which puts the nonce on its scripts", () => {
    const response = proxy(request("/settings"));
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(
      response.headers.get("content-security-policy"),
    );
  });

  it("refuses a Host the server does not answer to, with the reason", async () => {
    const response = proxy(request("/", "rebound.example:3000"));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/ALLOWED_HOSTS/);
  });

  it("answers 400 to an address Next cannot decode, instead of an empty 500", async () => {
    const response = proxy(request("/decks/%c0%af"));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/invalid %-escape/);
  });

  it("leaves route handlers' own policies alone, and never sees the upload or grade routes' bodies", () => {
    expect(proxy(request("/media/deck/cat.svg")).headers.get("content-security-policy")).toBeNull();
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/decks/cells", "/api/events", "/media/deck/cat.png"])
      expect(path).toMatch(matcher);
    for (const path of [
      "/api/anki",
      "/api/backup",
      "/api/grades",
      "/api/health",
      "/_next/static/chunks/app.js",
    ])
      expect(path).not.toMatch(matcher);
  });
});
