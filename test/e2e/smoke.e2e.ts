import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startApp, type RunningApp } from "./support/server";

// Guards the whole chain a newcomer relies on: content/ imported through the CLI, the production
// build served, and the home page rendered in a real browser.
describe("smoke: the production build serves the home page", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("answers 200 with a main landmark and the imported Socket.io deck", async () => {
    const page = await browser.newPage();
    const response = await page.goto(app.baseUrl);
    expect(response?.status(), app.output()).toBe(200);
    await expect.poll(() => page.getByRole("main").count()).toBe(1);
    await expect.poll(() => page.getByText("Socket.io").count()).toBeGreaterThan(0);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/smoke-home.png", fullPage: true });
  });
});
