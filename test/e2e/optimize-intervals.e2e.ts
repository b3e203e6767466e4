import type { Browser, Page } from "playwright-core";
import { default_w } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { schedulerFor } from "@/app/lib/actions/grading";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getDeckStudySettingsWith } from "@/app/lib/data/settings-read";
import { reshapeSchedule } from "@/app/lib/data/mappers";
import { formatInterval } from "@/app/lib/study/format";
import { buildHistoryApkg, type HistoryApkg } from "@/test/fixtures/anki/history-apkg";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Grading follows the learner's own parameters end to end, on a history imported from Anki: a
// package with a simulated learner's reviews goes in through Settings -> Import from Anki, Settings
// -> Optimize trains on it and stores new parameters, the intervals on a review card's grade
// buttons change to the ones those parameters give, and the due date the server saves for Good is
// the one its button showed. The imported reviews count on /stats, on the days they were made.

describe("import an Anki history, optimize, then study: the buttons' intervals follow the trained parameters", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let page: Page;
  let apkg: HistoryApkg;

  beforeAll(async () => {
    // 1,500 reviews of cards seen on an earlier day: well over the optimizer's minimum of 400.
    apkg = buildHistoryApkg({ longTermReviews: 1_500, seed: 21, now: new Date() });
    [app, browser] = await Promise.all([startApp({ contentDir: false }), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
  });

  /** The card the study page shows first and the intervals on its four buttons, after Show answer. */
  async function shownIntervals(slug: string): Promise<{ cardId: string; intervals: string[] }> {
    await page.goto(`${app.baseUrl}/decks/${slug}/study`);
    const card = page.locator("article[data-card-id]");
    const cardId = (await card.getAttribute("data-card-id"))!;
    await page.getByRole("button", { name: "Show answer" }).click();
    const group = page.getByRole("group", { name: "Grade your answer" });
    const intervals = await Promise.all(
      ["Again", "Hard", "Good", "Easy"].map(async (name) => {
        const text = await group.getByRole("button", { name: new RegExp(`^${name}`) }).innerText();
        return /(<1m|\d+(?:\.\d)?(?:mo|m|h|d|y))/.exec(text)?.[1] ?? text;
      }),
    );
    return { cardId, intervals };
  }

  /** What Good would make of the card now with the stored settings: its stability, in days. */
  async function goodStability(cardId: string): Promise<number> {
    const { deckId } = await db.prisma.card.findUniqueOrThrow({ where: { id: cardId } });
    const settings = await getDeckStudySettingsWith(db.prisma, localUserId, deckId);
    const row = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    return schedulerFor(settings).preview(reshapeSchedule(row), new Date(), cardId)[3].nextCard.stability;
  }

  /** The intervals the server's own scheduler gives the card now, with the stored settings. */
  async function expectedIntervals(cardId: string): Promise<string[]> {
    const { deckId } = await db.prisma.card.findUniqueOrThrow({ where: { id: cardId } });
    const settings = await getDeckStudySettingsWith(db.prisma, localUserId, deckId);
    const row = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    const now = new Date();
    const preview = schedulerFor(settings).preview(reshapeSchedule(row), now, cardId);
    return ([1, 2, 3, 4] as const).map((rating) => formatInterval(now, preview[rating].nextCard.due));
  }

  /** The "In use" column of the settings page's parameter table. */
  async function parametersShown(): Promise<string[]> {
    const rows = page.getByRole("region", { name: "Optimize scheduling" }).locator("details table tbody tr");
    return rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ""));
  }

  it("imports the package with its history, optimizes on it, and the intervals follow; Good saves what it showed", async () => {
    await page.goto(`${app.baseUrl}/settings`);
    await page.getByLabel("Anki package (.apkg)").setInputFiles({
      name: "Simulated learner.apkg",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(apkg.bytes),
    });
    await page.getByRole("button", { name: "Import package" }).click();
    await page.waitForURL(/\/decks\/[a-z0-9-]+$/, { timeout: 60_000 });
    const slug = new URL(page.url()).pathname.split("/").pop()!;
    // Every grade of the package became a review log of this learner; none was seeded by the test.
    expect(await db.prisma.reviewLog.count({ where: { userId: localUserId } })).toBe(apkg.reviews.length);
    expect(await db.prisma.cardState.count({ where: { userId: localUserId } })).toBe(apkg.fronts.size);

    const before = await shownIntervals(slug);
    expect(before.intervals).toEqual(await expectedIntervals(before.cardId));
    const stabilityBefore = await goodStability(before.cardId);

    await page.goto(`${app.baseUrl}/settings`);
    const section = page.getByRole("region", { name: "Optimize scheduling" });
    await expect(section.innerText()).resolves.toContain("In use: the default parameters.");
    const defaultsShown = await parametersShown();
    expect(defaultsShown).toHaveLength(21);
    await section.getByRole("button", { name: "Optimize" }).click();
    await expect
      .poll(() => section.getByRole("status").innerText(), { timeout: 90_000 })
      .toMatch(/Saved: grading now uses the parameters trained on your reviews\./);
    await expect(section.innerText()).resolves.toContain("In use: parameters trained on your reviews.");
    // It trained on the imported history: every card of the package, and at least the minimum of reviews.
    const [, used, cards] = /On ([\d,]+) reviews of ([\d,]+) cards/.exec(await section.innerText()) ?? [];
    expect(Number(cards?.replaceAll(",", ""))).toBe(apkg.fronts.size);
    expect(Number(used?.replaceAll(",", ""))).toBeGreaterThanOrEqual(400);
    // The parameters change: on the page and in the database.
    const trainedShown = await parametersShown();
    expect(trainedShown).toHaveLength(21);
    expect(trainedShown).not.toEqual(defaultsShown);
    const stored = await db.prisma.learnerSettings.findUniqueOrThrow({ where: { userId: localUserId } });
    const trained = JSON.parse(stored.fsrsParameters!) as number[];
    expect(trained).toHaveLength(21);
    expect(trained).not.toEqual([...default_w]);
    // The retention estimate beside the setting follows, without a reload.
    await expect
      .poll(() => page.getByRole("figure", { name: /Reviews a day over the next 90 days/ }).innerText(), {
        timeout: 30_000,
      })
      .toMatch(/with the parameters trained on your reviews/);

    const after = await shownIntervals(slug);
    expect(after.cardId).toBe(before.cardId);
    expect(after.intervals).toEqual(await expectedIntervals(after.cardId));
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await shownIntervals(slug)).intervals).toEqual(after.intervals);
    expect(await axeViolations(page)).toEqual([]);
    // The first card may be a review card or one the history left mid-learning: either way Again is
    // a (re)learning step, the same with any parameters, while Good is what FSRS decides: the memory
    // stability it gives changes with the parameters (its interval in whole days may round to the
    // same `1d`, as it does for a card still learning, depending on the hour the test runs).
    expect(after.intervals[0]).toBe(before.intervals[0]);
    expect(await goodStability(after.cardId)).not.toBeCloseTo(stabilityBefore, 6);

    const where = { userId_cardId: { userId: localUserId, cardId: after.cardId } };
    const version = (await db.prisma.cardState.findUniqueOrThrow({ where })).version;
    await page.getByRole("button", { name: /^Good/ }).click();
    await expect
      .poll(async () => (await db.prisma.cardState.findUniqueOrThrow({ where })).version)
      .toBe(version + 1);
    const saved = await db.prisma.cardState.findUniqueOrThrow({ where });
    expect(formatInterval(saved.last_review!, saved.due)).toBe(after.intervals[2]);
  });

  it("counts the imported reviews on /stats on the days they were made, and today's grade today", async () => {
    await page.goto(`${app.baseUrl}/stats?days=365`);
    await expect(page.getByTestId("summary-Today").innerText()).resolves.toBe("1 review");
    await expect(page.locator("#reviews-heading + p").innerText()).resolves.toMatch(
      new RegExp(`^${apkg.reviews.length + 1} reviews in the last 365 days`),
    );
    // The busiest imported day, and the last one, each show their own count in the calendar.
    const days = [...apkg.reviewsPerDay].sort((a, b) => b[1] - a[1]);
    const last = [...apkg.reviewsPerDay.keys()].sort().at(-1)!;
    for (const [date, reviews] of [days[0]!, [last, apkg.reviewsPerDay.get(last)!] as const]) {
      const cell = page.locator(`#calendar-heading ~ div svg[role=img] rect[data-date="${date}"]`);
      await expect(cell.getAttribute("data-reviews")).resolves.toBe(String(reviews));
    }
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});
