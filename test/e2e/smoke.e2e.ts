import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { launchBrowser } from "./support/browser";
import { startApp, type RunningApp } from "./support/server";

// Guards the whole chain a newcomer relies on, on each database: content/ imported through the CLI,
// the production build served, and the home page rendered in a real browser.
describe.each(testProviders)("smoke on %s: the production build serves the home page", (provider) => {
  let database: TestDatabase | undefined;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    // SQLite: startApp makes its own temporary file. PostgreSQL: a fresh database on the test server.
    if (provider === "postgresql") database = await createTestDatabase(provider);
    [app, browser] = await Promise.all([startApp({ databaseUrl: database?.url }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.destroy();
  });

  it("answers 200 with a main landmark and the imported Socket.io deck", async () => {
    const page = await browser.newPage();
    const response = await page.goto(app.baseUrl);
    expect(response?.status(), app.output()).toBe(200);
    await expect.poll(() => page.getByRole("main").count()).toBe(1);
    // Visible, not merely present: streamed content sits hidden in the document until React swaps it in.
    await page.getByText("Socket.io", { exact: true }).first().waitFor({ state: "visible" });
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: `test-results/smoke-home-${provider}.png`, fullPage: true });
  });
});
