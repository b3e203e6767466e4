import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { ankiPackageMaxBytes } from "@/app/lib/upload-limits";
import { buildFixtureApkg } from "@/test/fixtures/anki/build-apkg";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";

// The production server as a careful HTTP server: security headers and a nonce CSP on every page
// (under which the pages still work), the Host it answers to, uploads refused from other sites and
// stopped at their limit while they stream, and real statuses for bad addresses.

/** A raw request, so that Host and Transfer-Encoding are exactly what a hostile client sends. */
function rawRequest(
  app: RunningApp,
  options: { path: string; method?: string; headers?: Record<string, string>; chunkedBytes?: number },
): Promise<{ status: number; body: string }> {
  const url = new URL(app.baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (response) => {
        answered = true;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (text: string) => (body += text));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const write = () => {
      while (!answered && sent < (options.chunkedBytes ?? 0)) {
        sent += chunk.byteLength;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!answered) request.end();
    };
    write();
  });
}

describe("HTTP hardening on the production build", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let attacker: http.Server;
  let attackerUrl: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    db = await openDatabaseFor(app);
    // A page on another site that posts an Anki package to the app without CORS, as a form could.
    const apkg = Buffer.from(buildFixtureApkg()).toString("base64");
    attacker = http.createServer((_request, response) => {
      response.setHeader("Content-Type", "text/html");
      response.end(`<!doctype html><script>
        const bytes = Uint8Array.from(atob("${apkg}"), (c) => c.charCodeAt(0));
        fetch("${app.baseUrl}/api/anki?fileName=socket-io.apkg", { method: "POST", mode: "no-cors", body: bytes })
          .finally(() => { document.title = "sent"; });
      </script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    // localhost, not 127.0.0.1: another site, as far as the browser is concerned.
    attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    attacker?.close();
    await db?.close();
    await browser?.close();
    await app?.stop();
  });

  it("sends the security headers and a nonce policy on every page, and the pages still run", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { __violations: string[] }).__violations ??= [];
        (window as unknown as { __violations: string[] }).__violations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      }),
    );
    const nonces = new Set<string>();
    for (const path of [
      "/",
      "/decks/socket-io",
      "/decks/socket-io/study",
      "/decks/new",
      "/settings",
      "/study",
      "/study/practice",
      "/trash",
      "/decks/socket-io/options",
      "/decks/socket-io/practice",
      "/no-such-page",
    ]) {
      const response = await page.goto(`${app.baseUrl}${path}`);
      const headers = response!.headers();
      const policy = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeDefined();
      nonces.add(nonce!);
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("'strict-dynamic'");
      expect(headers["referrer-policy"], path).toBe("same-origin");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-powered-by"], path).toBeUndefined();
      // Every script Next wrote carries this response's nonce (the browser hides the attribute's
      // value from the DOM, but keeps it as the element's nonce property).
      const scriptNonces = await page.$$eval("script", (scripts) => scripts.map((script) => script.nonce));
      expect(scriptNonces.length, path).toBeGreaterThan(0);
      expect(new Set(scriptNonces), path).toEqual(new Set([nonce]));
      await page.waitForLoadState("networkidle");
      violations.push(
        ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])),
      );
    }
    expect(nonces.size).toBe(11);
    expect(violations).toEqual([]);

    // Scripts really ran: the study session hydrates and answers a key, the preview follows typing.
    await page.goto(`${app.baseUrl}/decks/socket-io/study`);
    await page.locator("[data-study-ready]").waitFor();
    await page.goto(`${app.baseUrl}/decks/new`);
    await page.getByLabel("Markdown").fill("# Hydrated\n\n- Is the preview live?\n  Yes\n");
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).innerText())
      .toContain("Is the preview live?");
    await page.close();
  });

  it("refuses a Host it does not answer to (DNS rebinding), for pages, reads and uploads", async () => {
    const port = new URL(app.baseUrl).port;
    const rebound = { host: `rebound.example:${port}` };
    for (const path of ["/", "/api/backup", "/api/decks/socket-io/cards"]) {
      const response = await rawRequest(app, { path, headers: rebound });
      expect(response.status, path).toBe(403);
      expect(response.body, path).toMatch(/ALLOWED_HOSTS/);
    }
    const upload = await rawRequest(app, {
      path: "/api/anki?fileName=x.apkg",
      method: "POST",
      headers: rebound,
    });
    expect(upload.status).toBe(403);
    expect((await rawRequest(app, { path: "/", headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it("refuses an upload posted by a page of another site, and keeps the deck", async () => {
    const before = await db.prisma.deck.count();
    const page = await browser.newPage();
    const answered = page.waitForResponse((response) => response.url().includes("/api/anki"));
    await page.goto(attackerUrl);
    expect((await answered).status()).toBe(403);
    expect(await db.prisma.deck.count()).toBe(before);
    expect(await db.prisma.deck.findFirst({ where: { sourcePath: { startsWith: "anki:" } } })).toBeNull();
    await page.close();
  });

  it("stops a chunked upload at its limit with 413 and a message, while the client is still sending", async () => {
    const response = await rawRequest(app, {
      path: "/api/anki?fileName=big.apkg",
      method: "POST",
      headers: { "Transfer-Encoding": "chunked", "Content-Type": "application/octet-stream" },
      chunkedBytes: ankiPackageMaxBytes + 50 * 1024 * 1024,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: "The upload is larger than the 100 MB limit." });
    // The server is still serving.
    expect((await fetch(app.baseUrl)).status).toBe(200);
  });

  it("answers bad addresses with their real status and a message, never an empty 500", async () => {
    for (const path of ["/decks/%c0%af", "/decks/%ZZ", "/api/decks/%c0%af/cards"]) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toMatch(/invalid %-escape/);
    }
    expect((await fetch(`${app.baseUrl}/decks/no-such-deck`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/decks/no-such-deck/study`)).status).toBe(404);
    const missing = await fetch(`${app.baseUrl}/api/decks/no-such-deck/cards`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/no-such-deck/);
  });
});
