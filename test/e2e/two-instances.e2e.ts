import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminUrl, postgresUnavailable } from "@/test/helpers/databases";
import { launchBrowser } from "./support/browser";
import { startApp, type RunningApp } from "./support/server";

// Two production instances on one PostgreSQL database, as a hosted deployment scaled out would run:
// live news reaches a page whichever instance serves it (NOTIFY/LISTEN), only one instance watches
// the notes folder (advisory lock), and the other takes the watch over when that one dies.

const deck = (powerhouse: string) => `# Cells

- What is the powerhouse of the cell?
  ${powerhouse}
- What builds proteins?
  The ribosome
- What holds the DNA?
  The nucleus
`;

const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";
const watching = "notes folder: this instance watches it";
const retryMs = 500;

describe.skipIf(postgresUnavailable)("two instances on one PostgreSQL", () => {
  const dbName = `notecards_e2e_two_${process.pid}_${Date.now()}`;
  const saved = { ACCOUNTS: process.env.ACCOUNTS, WATCH_LOCK_RETRY_MS: process.env.WATCH_LOCK_RETRY_MS };
  let one: RunningApp;
  let two: RunningApp;
  let browser: Browser;
  let contentDir: string;
  let file: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-two-"));
    file = path.join(contentDir, "cells.md");
    writeFileSync(file, deck("The mitochondria"));
    // The servers inherit this process's environment: one local learner, and a short takeover wait.
    process.env.ACCOUNTS = "off";
    process.env.WATCH_LOCK_RETRY_MS = String(retryMs);
    const databaseUrl = url.toString();
    browser = await launchBrowser();
    one = await startApp({ databaseUrl, contentDir });
    // Instance one watches: then news of a file change that reaches instance two went through PostgreSQL.
    await vi.waitFor(() => expect(one.output()).toContain(watching), { timeout: 30_000, interval: 100 });
    two = await startApp({ databaseUrl, contentDir });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([one?.stop(), two?.stop()]);
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  /** A page whose live stream (opened a moment after load) is connected. */
  async function openLive(url: string, connected: (page: Page) => Promise<unknown>): Promise<Page> {
    const page = await browser.newPage();
    const stream = page.waitForResponse((response) => response.url().includes("/api/events"));
    await page.goto(url);
    await stream;
    await connected(page);
    return page;
  }

  it("lets only one instance watch the notes folder", async () => {
    await new Promise((resolve) => setTimeout(resolve, retryMs * 3));
    expect(one.output()).toContain(watching);
    expect(two.output()).not.toContain(watching);
  });

  it("shows a grade made through instance one on the learner's pages served by instance two", async () => {
    const study = await openLive(`${two.baseUrl}/decks/cells/study`, (page) =>
      page.waitForSelector(visibleCard),
    );
    const home = await openLive(`${two.baseUrl}/`, (page) => page.waitForSelector("#welcome-heading"));
    const cardsLeft = () => study.getByLabel("Cards left").innerText();
    expect(await cardsLeft()).toContain("3 new");

    // Two cards graded on instance one: the first is on screen on instance two too (it stays, and a
    // grade there would meet the conflict notice); the second leaves instance two's queue.
    const grader = await browser.newPage();
    await grader.goto(`${one.baseUrl}/decks/cells/study`);
    await grader.waitForSelector(visibleCard);
    for (let i = 0; i < 2; i++) {
      const before = await grader.locator(visibleCard).getAttribute("data-card-id");
      await grader.keyboard.press("Space");
      await grader.keyboard.press("3");
      await expect.poll(() => grader.locator(visibleCard).getAttribute("data-card-id")).not.toBe(before);
    }
    await expect.poll(() => grader.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);

    await expect.poll(cardsLeft, { timeout: 10_000 }).toContain("2 new");
    await expect.poll(() => home.getByTestId("reviewed-today").innerText(), { timeout: 10_000 }).toBe("2");
    await Promise.all([study.close(), home.close(), grader.close()]);
  });

  it("shows a notes file saved while instance one watches on a page served by instance two", async () => {
    const page = await openLive(`${two.baseUrl}/decks/cells`, (p) =>
      p.getByText("The mitochondria").first().waitFor(),
    );
    await writeFile(file, deck("The mitochondria, edited while one watches"));
    await expect
      .poll(() => page.getByText("edited while one watches").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.close();
  });

  it("hands the watch to instance two when instance one dies, which then imports saves", async () => {
    const page = await openLive(`${two.baseUrl}/decks/cells`, (p) =>
      p.getByText("edited while one").first().waitFor(),
    );
    const stoppedAt = Date.now();
    await one.stop();
    await expect.poll(() => two.output(), { timeout: 10_000, interval: 50 }).toContain(watching);
    const takeoverMs = Date.now() - stoppedAt;
    expect(takeoverMs).toBeLessThan(retryMs * 2 + 5_000);
    await writeFile(file, deck("The mitochondria, edited after the takeover"));
    await expect
      .poll(() => page.getByText("edited after the takeover").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.close();
  });
});
