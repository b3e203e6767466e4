import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { localUserId } from "@/app/lib/auth/local-learner";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";

// Accounts on the production build, on each database: sign up, study, sign out, sign in again with
// the progress kept; a second learner who sees none of it; the messages for a wrong password and for
// too many attempts; and accessible sign-in pages.

const root = path.resolve(import.meta.dirname, "../..");
const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";
const rateLimit = 6;

const ada = { name: "Ada Lovelace", email: "ada@example.org", password: "analytical engine" };
const bo = { name: "Bo Peep", email: "bo@example.org", password: "lost my sheep" };

describe.each(testProviders)("accounts on %s", (provider) => {
  let database: TestDatabase | undefined;
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let adaContext: BrowserContext;
  let page: Page;
  let adaId: string;
  /** The Socket.io deck's New figure for a learner who has studied nothing. */
  let freshNew: number;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-accounts-e2e-"));
    copyFileSync(path.join(root, "content/socket-io.md"), path.join(contentDir, "socket-io.md"));
    if (provider === "postgresql") database = await createTestDatabase(provider);
    [app, browser] = await Promise.all([
      startApp({
        databaseUrl: database?.url,
        contentDir,
        accounts: true,
        env: { AUTH_RATE_LIMIT: String(rateLimit) },
      }),
      launchBrowser(),
    ]);
    db = await openDatabaseFor(app);
    // What the single-user app had studied before accounts were switched on.
    await db.prisma.learnerSettings.upsert({
      where: { userId: localUserId },
      update: { newPerDay: 17 },
      create: { userId: localUserId, newPerDay: 17 },
    });
    adaContext = await browser.newContext();
    page = await adaContext.newPage();
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    await database?.destroy();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  const deckItem = (on: Page, title: string) => on.locator("li", { hasText: title });
  const newCount = async (on: Page) =>
    Number(await deckItem(on, "Socket.io").locator("dt:text-is('New') + dd").innerText());

  async function fillAndSubmit(on: Page, who: { name?: string; email: string; password: string }) {
    if (who.name !== undefined && (await on.getByLabel("Name").count()))
      await on.getByLabel("Name").fill(who.name);
    await on.getByLabel("Email").fill(who.email);
    await on.getByLabel("Password").fill(who.password);
    await on.getByRole("button", { name: /^(Sign in|Create account)$/ }).click();
  }

  it("sends a signed-out visit to sign-in, and a new account back where it was going", async () => {
    const response = await page.goto(`${app.baseUrl}/decks/socket-io`);
    expect(response?.status(), app.output()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/decks/socket-io");

    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up\?next=/);
    await fillAndSubmit(page, ada);
    await page.waitForURL(`${app.baseUrl}/decks/socket-io`);
    await expect(page.getByTestId("signed-in-as").innerText()).resolves.toContain(ada.name);

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: ada.email } });
    adaId = user.id;
    // The first account took over the local learner's progress.
    expect(await db.prisma.learnerSettings.findUnique({ where: { userId: adaId } })).toMatchObject({
      newPerDay: 17,
    });
    expect(await db.prisma.user.findUnique({ where: { id: localUserId } })).toBeNull();
  });

  it("studies a card as the signed-in learner", async () => {
    await page.goto(app.baseUrl);
    const before = await newCount(page);
    freshNew = before;
    await page.goto(`${app.baseUrl}/decks/socket-io/study`);
    await page.waitForSelector(visibleCard);
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
    await page.keyboard.press("3");
    await expect
      .poll(() => db.prisma.reviewLog.count({ where: { userId: adaId } }), { timeout: 15_000 })
      .toBe(1);
    await page.goto(app.baseUrl);
    expect(await newCount(page)).toBe(before - 1);
  });

  it("signs out to the sign-in page, after which pages ask to sign in again", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${app.baseUrl}/sign-in`);
    await page.goto(`${app.baseUrl}/stats`);
    expect(page.url()).toBe(`${app.baseUrl}/sign-in?next=%2Fstats`);
    const grade = await page.request.get(`${app.baseUrl}/api/auth/get-session`);
    expect(await grade.json()).toBeNull();
  });

  it("says a wrong password is wrong, then signs in with the progress still there", async () => {
    await page.goto(`${app.baseUrl}/sign-in`);
    const outcome = page.locator("#auth-outcome");
    for (const attempt of [
      { ...ada, password: "not the password" },
      { email: "nobody@example.org", password: "not the password" },
    ]) {
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email"));
      await fillAndSubmit(page, attempt);
      expect((await answered).status()).toBe(401);
      await expect.poll(() => outcome.innerText()).toBe("Unknown email or wrong password.");
    }

    await fillAndSubmit(page, ada);
    await page.waitForURL(`${app.baseUrl}/`);
    expect(await newCount(page)).toBe(freshNew - 1);
  });

  it("shows a second learner none of the first one's progress or private decks", async () => {
    await db.prisma.deck.create({
      data: {
        slug: "ada-private",
        title: "Ada's private deck",
        sourcePath: "browser:",
        ownerId: adaId,
        cards: { create: { key: "k", kind: "basic", front: "Private question?", back: "Answer", line: 1 } },
      },
    });
    await page.goto(app.baseUrl);
    await deckItem(page, "Ada's private deck").first().waitFor();

    const boContext = await browser.newContext();
    const boPage = await boContext.newPage();
    await boPage.goto(`${app.baseUrl}/sign-up`);
    await fillAndSubmit(boPage, bo);
    await boPage.waitForURL(`${app.baseUrl}/`);
    await expect(boPage.getByTestId("signed-in-as").innerText()).resolves.toContain(bo.name);
    // Bo has studied nothing: the figures of a fresh learner, not Ada's.
    expect(await newCount(boPage)).toBe(freshNew);
    expect(await deckItem(boPage, "Ada's private deck").count()).toBe(0);
    const privateDeck = await boPage.goto(`${app.baseUrl}/decks/ada-private`);
    expect(privateDeck?.status()).toBe(404);
    const boId = (await db.prisma.user.findUniqueOrThrow({ where: { email: bo.email } })).id;
    expect(await db.prisma.learnerSettings.count({ where: { userId: boId } })).toBe(0);
    await boContext.close();
  });

  it("stops sign-in attempts past the limit with how long to wait (429 on the API)", async () => {
    const context = await browser.newContext();
    const guesser = await context.newPage();
    await guesser.goto(`${app.baseUrl}/sign-in`);
    let limitedStatus = 0;
    guesser.on("response", (response) => {
      if (response.url().endsWith("/api/auth/sign-in/email") && response.status() === 429)
        limitedStatus = response.status();
    });
    for (let attempt = 0; attempt <= rateLimit && !limitedStatus; attempt++) {
      const answered = guesser.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email"));
      await fillAndSubmit(guesser, { ...ada, password: `guess ${attempt}` });
      await answered;
    }
    expect(limitedStatus).toBe(429);
    await expect
      .poll(() => guesser.getByRole("status").innerText())
      .toMatch(/^Too many attempts: try again in \d+ seconds?\.$/);
    await context.close();
  });

  it("has no axe violations on the sign-in and sign-up pages at 390 and 1280 px, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
        const visitor = await context.newPage();
        for (const pathname of ["/sign-in", "/sign-up"]) {
          await visitor.goto(`${app.baseUrl}${pathname}`);
          await visitor.getByRole("button", { name: /^(Sign in|Create account)$/ }).click();
          await visitor.getByText("Check the fields marked above.").waitFor();
          expect(await axeViolations(visitor), `${pathname} ${width}px ${colorScheme}`).toEqual([]);
        }
        await context.close();
      }
    }
  });
});

describe("accounts off (the single-user default)", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ contentDir: false }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("opens straight into the app, with no sign-in page and no account menu", async () => {
    const page = await browser.newPage();
    for (const pathname of ["/sign-in?next=/stats", "/sign-up"]) {
      await page.goto(`${app.baseUrl}${pathname}`);
      expect(page.url()).toBe(`${app.baseUrl}/`);
    }
    await page.getByRole("main").waitFor();
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    const api = await page.request.post(`${app.baseUrl}/api/auth/sign-up/email`, {
      data: { name: "X", email: "x@example.org", password: "12345678" },
    });
    expect(api.status()).toBe(404);
  });
});
