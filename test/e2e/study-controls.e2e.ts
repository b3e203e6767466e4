import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBrowserDeck } from "@/app/lib/browser-decks/save-browser-deck";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Study controls (issue 9, items 3 and 8) on the production build, at phone and desktop width: bury
// and suspend take the card away at once and for good (after a reload too), the deck page shows and
// lifts the marks, a flag shows there, a card's source line opens the browser deck's editor at that
// line, Undo works by tap, and a finished deck says when its next card is due. axe finds nothing.

const capitals = `# Capitals

- What is the capital of France?
  Paris
- What is the capital of Peru?
  Lima
- What is the capital of Kenya?
  Nairobi
- What is the capital of Japan?
  Tokyo
- What is the capital of Chile?
  Santiago
- What is the capital of Ghana?
  Accra
`;

const pair = `# Pair

- What is the first question?
  One
- What is the second question?
  Two
`;

const single = `# Single

- What is the only question here?
  This one
`;

// Long enough that the last card's line is out of sight in the editor until it scrolls there.
const browserDeck = [
  "# Vocabulary",
  "",
  ...Array.from({ length: 60 }, (_, i) => `- **Word${i}**: meaning number ${i}\n`),
].join("\n");

const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

async function currentCardId(page: Page): Promise<string> {
  const id = await page.locator(visibleCard).getAttribute("data-card-id");
  if (!id) throw new Error("no card showing");
  return id;
}

async function waitForSaves(page: Page) {
  await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
}

const newCount = async (page: Page) =>
  Number((await page.locator("[aria-label='Cards left']").innerText()).match(/(\d+) new/)?.[1]);

describe("study controls", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let vocabularySlug: string;
  const contexts: BrowserContext[] = [];

  /** A fresh page at a width; phones get touch, so taps are real taps. */
  async function open(width: "phone" | "desktop", colorScheme: "light" | "dark" = "light") {
    const context = await browser.newContext(
      width === "phone"
        ? { viewport: phone, hasTouch: true, isMobile: true, colorScheme }
        : { viewport: desktop, colorScheme },
    );
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-controls-e2e-"));
    writeFileSync(path.join(contentDir, "capitals.md"), capitals);
    writeFileSync(path.join(contentDir, "single.md"), single);
    writeFileSync(path.join(contentDir, "pair.md"), pair);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    vocabularySlug = (await addBrowserDeck(db.prisma, { markdown: browserDeck }, new Date(), "local")).slug;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  it("buries a card with `-` at desktop width: gone at once, still gone after a reload, back tomorrow", async () => {
    const page = await open("desktop");
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    await expect(page.getByTestId("card-source").innerText()).resolves.toMatch(/capitals\.md, line 3$/);
    const before = await newCount(page);
    const buried = await currentCardId(page);
    await page.keyboard.press("-");
    await expect.poll(() => currentCardId(page)).not.toBe(buried);
    expect(await newCount(page)).toBe(before - 1);
    await waitForSaves(page);
    const mark = await db.prisma.cardMark.findFirstOrThrow({ where: { cardId: buried } });
    expect(mark.buriedUntil!.getTime()).toBeGreaterThan(Date.now());

    await page.reload();
    await page.waitForSelector(visibleCard);
    expect(await currentCardId(page)).not.toBe(buried);
    expect(await newCount(page)).toBe(before - 1);
    expect(await axeViolations(page)).toEqual([]);
    // (That it is back the next study day is checked at the data level: test/unit/data/card-marks.test.ts.)
    await db.prisma.cardMark.update({
      where: { userId_cardId: { userId: mark.userId, cardId: buried } },
      data: { buriedUntil: null },
    });
  });

  it("buries by tap at phone width and brings the card back with the Undo button", async () => {
    const page = await open("phone");
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    const cardId = await currentCardId(page);
    await page.getByRole("button", { name: /^Bury/ }).tap();
    await expect.poll(() => currentCardId(page)).not.toBe(cardId);
    await page.getByRole("button", { name: /^Undo/ }).tap();
    await expect.poll(() => currentCardId(page)).toBe(cardId);
    await waitForSaves(page);
    const mark = await db.prisma.cardMark.findFirst({ where: { cardId } });
    // Either the bury never left the outbox or its unbury followed it: the card is not buried.
    expect(mark?.buriedUntil ?? null).toBeNull();
    // The toolbar fits the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps a bury made offline in the outbox, says so, and saves it when back online", async () => {
    const page = await open("desktop");
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    const cardId = await currentCardId(page);
    await page.context().setOffline(true);
    await page.getByRole("button", { name: /^Bury/ }).click();
    await expect.poll(() => currentCardId(page)).not.toBe(cardId);
    // Focus moved on to "Show answer": Space now reveals the next card instead of burying it too.
    const next = await currentCardId(page);
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
    expect(await currentCardId(page)).toBe(next);
    await expect
      .poll(() => page.locator("[data-testid=save-status]").innerText(), { timeout: 10_000 })
      .toMatch(/1 change waiting to save — retrying/);
    expect(await page.evaluate(() => localStorage.getItem("notecards:outbox:v1"))).toContain(
      '"action":"bury"',
    );
    await page.context().setOffline(false);
    await waitForSaves(page);
    const mark = await db.prisma.cardMark.findFirstOrThrow({ where: { cardId } });
    expect(mark.buriedUntil).not.toBeNull();
    await db.prisma.cardMark.update({
      where: { userId_cardId: { userId: mark.userId, cardId } },
      data: { buriedUntil: null },
    });
  });

  it("suspends with `@`, then unsuspends from the deck page, where it is counted and filtered", async () => {
    const page = await open("desktop");
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    const cardId = await currentCardId(page);
    await page.keyboard.press("@");
    await expect.poll(() => currentCardId(page)).not.toBe(cardId);
    await waitForSaves(page);

    for (const viewport of [phone, desktop]) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.baseUrl}/decks/capitals`);
      await page.getByRole("link", { name: "1 suspended" }).click();
      await page.waitForURL(/marked=suspended/);
      await expect(page.locator("article").count()).resolves.toBe(1);
      await expect(page.locator("article").innerText()).resolves.toMatch(/Suspended/);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByRole("button", { name: "Unsuspend" }).click();
    // The filtered list empties as the page re-renders without the mark.
    await expect.poll(() => page.locator("article").count()).toBe(0);
    expect((await db.prisma.cardMark.findFirstOrThrow({ where: { cardId } })).suspendedAt).toBeNull();
    await page.goto(`${app.baseUrl}/decks/capitals`);
    expect(await page.getByRole("navigation", { name: "Marked cards" }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    expect(await newCount(page)).toBe(6);
  });

  it("flags a card on the study page and shows the flag on the deck page", async () => {
    const page = await open("phone");
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    const cardId = await currentCardId(page);
    await page.getByTestId("flag-select").selectOption({ label: "Red" });
    expect(await currentCardId(page)).toBe(cardId);
    await waitForSaves(page);
    expect((await db.prisma.cardMark.findFirstOrThrow({ where: { cardId } })).flag).toBe(1);
    await page.goto(`${app.baseUrl}/decks/capitals`);
    await expect(page.getByTestId("card-flag").innerText()).resolves.toMatch(/Red flag/);
    await expect(page.getByRole("link", { name: "1 flagged" }).count()).resolves.toBe(1);
  });

  it("opens a browser deck's editor at the card's line, from the study page and the deck page", async () => {
    const page = await open("desktop");
    await page.goto(`${app.baseUrl}/decks/${vocabularySlug}/study`);
    await page.waitForSelector(visibleCard);
    const source = page.getByTestId("card-source");
    const href = await source.getAttribute("href");
    const line = Number(href?.match(/\?line=(\d+)$/)?.[1]);
    expect(href).toBe(`/decks/${vocabularySlug}/edit?line=${line}`);
    await source.click();
    await page.waitForURL(/\/edit\?line=/);
    const caretLine = () =>
      page.evaluate(() => {
        const area = document.querySelector("textarea")!;
        return {
          focused: document.activeElement === area,
          line: area.value.slice(0, area.selectionStart).split("\n").length,
          scrollTop: area.scrollTop,
        };
      });
    await expect.poll(caretLine).toMatchObject({ focused: true, line });

    // The last card, far down: the editor scrolls to it.
    await page.setViewportSize(phone);
    await page.goto(`${app.baseUrl}/decks/${vocabularySlug}?q=Word59`);
    const last = page.getByRole("link", { name: /^line \d+$/ });
    const lastLine = Number((await last.innerText()).match(/\d+/)?.[0]);
    await last.click();
    await page.waitForURL(new RegExp(`edit\\?line=${lastLine}$`));
    await expect.poll(caretLine).toMatchObject({ focused: true, line: lastLine });
    expect((await caretLine()).scrollTop).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("says when a finished deck's next card is due, with links that exist, and undoes by tap", async () => {
    const page = await open("phone");
    await page.goto(`${app.baseUrl}/decks/single/study`);
    await page.waitForSelector(visibleCard);
    const cardId = await currentCardId(page);
    await page.getByRole("button", { name: "Show answer" }).tap();
    await page.getByRole("button", { name: /^Easy/ }).tap();
    const summary = page.getByRole("region", { name: "Done for now" });
    await expect(summary.innerText()).resolves.toMatch(/1 card\s+1 review/);
    await expect(page.getByTestId("next-due").innerText()).resolves.toMatch(
      /^Next card in Single is due (tomorrow|in \d+ days), \w{3} \d{1,2} \w{3}\.$/,
    );
    expect(await page.locator("body").innerText()).not.toMatch(/press/i);
    expect(await axeViolations(page)).toEqual([]);
    // Undo by tap from the summary: the card is back.
    await page.getByRole("button", { name: /^Undo/ }).tap();
    await expect.poll(() => currentCardId(page)).toBe(cardId);
    await page.getByRole("button", { name: "Show answer" }).tap();
    await page.getByRole("button", { name: /^Easy/ }).tap();
    await waitForSaves(page);

    for (const viewport of [phone, desktop]) {
      await page.setViewportSize(viewport);
      await page.reload();
      await page.getByRole("heading", { name: "Nothing to study right now" }).waitFor();
      const text = await page.getByTestId("next-due").innerText();
      expect(text).toMatch(/^Next card in Single is due (tomorrow|in \d+ days), \w{3} \d{1,2} \w{3}\.$/);
      expect(text).not.toMatch(/scheduled yet/);
      for (const [name, href] of [
        ["Study another deck", "/"],
        ["Single's cards", "/decks/single"],
        ["Add notes", "/decks/new"],
      ]) {
        expect(await page.getByRole("link", { name }).getAttribute("href")).toBe(href);
        const response = await page.request.get(`${app.baseUrl}${href}`);
        expect(response.status()).toBe(200);
      }
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it("after Again shows the other waiting card, ahead of time, and counts it as learning", async () => {
    const page = await open("desktop");
    await page.goto(`${app.baseUrl}/decks/pair/study`);
    await page.waitForSelector(visibleCard);
    const counts = () => page.locator("[aria-label='Cards left']").innerText();
    const grade = async (key: string) => {
      await page.keyboard.press("Space");
      await page.keyboard.press(key);
    };
    const first = await currentCardId(page);
    await grade("1"); // Again: due in 1 minute
    const second = await currentCardId(page);
    expect(second).not.toBe(first);
    await grade("3"); // Good: due in 10 minutes. Nothing is due now: both wait in learn-ahead.
    await expect.poll(() => currentCardId(page)).toBe(first);
    await expect(counts()).resolves.toMatch(/0 new\s+1 learning\s+0 due/);
    await grade("1"); // Again once more: the other card comes first, though it is due later.
    await expect.poll(() => currentCardId(page)).toBe(second);
    await expect(counts()).resolves.toMatch(/1 learning/);
    await waitForSaves(page);
  });

  it("has no axe violations in dark mode with the toolbar on screen", async () => {
    const page = await open("phone", "dark");
    await page.goto(`${app.baseUrl}/decks/capitals/study`);
    await page.waitForSelector(visibleCard);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/decks/capitals`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
