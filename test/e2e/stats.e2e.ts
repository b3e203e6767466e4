import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// The stats page and a card's history on the production build: grades made on the study page are
// counted on today's study day, the card's page lists them, and both pages have no axe violations
// at phone and desktop widths, light and dark. SHOTS_DIR=<folder> also saves screenshots there.

const root = path.resolve(import.meta.dirname, "../..");
const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";
const dayMs = 86_400_000;

const historyDeck = [
  "# Capitals",
  "",
  ...Array.from({ length: 20 }, (_, i) => `Capital ${i + 1}?::City ${i + 1}\n`),
].join("\n");

describe("stats page", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;
  const graded: string[] = [];

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-stats-e2e-"));
    copyFileSync(path.join(root, "content/socket-io.md"), path.join(contentDir, "socket-io.md"));
    writeFileSync(path.join(contentDir, "capitals.md"), historyDeck);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    // A past year on another deck, so the charts have history; none of it today.
    const cards = await db.prisma.card.findMany({
      where: { deck: { slug: "capitals" } },
      select: { id: true, deckId: true },
    });
    const now = Date.now();
    await db.prisma.reviewLog.createMany({
      data: Array.from({ length: 400 }, (_, i) => {
        const review = new Date(now - (2 + (i % 200)) * dayMs - (i % 7) * 3_600_000);
        return {
          id: `past-${i}`,
          userId: "local",
          cardId: cards[i % cards.length]!.id,
          rating: i % 9 === 0 ? 1 : i % 5 === 0 ? 2 : i % 11 === 0 ? 4 : 3,
          state: 2,
          due: review,
          stability: 5,
          difficulty: 5,
          elapsed_days: 3,
          last_elapsed_days: 3,
          scheduled_days: i % 40,
          learning_steps: 0,
          review,
          durationMs: 4_000 + (i % 13) * 1_000,
        };
      }),
    });
    await db.prisma.cardState.createMany({
      data: cards.map((card, i) => ({
        userId: "local",
        cardId: card.id,
        deckId: card.deckId,
        due: new Date(now + ((i % 25) - 3) * dayMs),
        stability: 2 + i * 4,
        difficulty: 2 + (i % 8),
        elapsed_days: 0,
        scheduled_days: 5,
        learning_steps: 0,
        reps: 20,
        lapses: i % 3,
        state: i % 6 === 0 ? 3 : 2,
        last_review: new Date(now - (i % 10) * dayMs),
      })),
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  it("counts the grades just made on the study page as today's reviews", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.baseUrl}/decks/socket-io/study`);
    await page.waitForSelector(visibleCard);
    for (const key of ["3", "1", "3"]) {
      graded.push((await page.locator(visibleCard).getAttribute("data-card-id"))!);
      await page.keyboard.press("Space");
      await expect.poll(() => page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
      await page.keyboard.press(key);
    }
    await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => db.prisma.reviewLog.count({ where: { id: { not: { startsWith: "past-" } } } }))
      .toBe(3);

    await page.goto(app.baseUrl);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stats" }).click();
    await page.waitForURL(/\/stats$/);
    await expect(page.getByTestId("summary-Today").innerText()).resolves.toBe("3 reviews");
    await expect(page.getByTestId("summary-Streak").innerText()).resolves.toMatch(/^\d+ days?$/);
    const today = page.locator("#calendar-heading ~ div svg[role=img] rect").last();
    expect(await today.getAttribute("data-reviews")).toBe("3");
    await expect(page.locator("#buttons-heading + p").innerText()).resolves.toMatch(/Again \d+ .*Good \d+/);

    // One deck: the grades on socket-io only, and the deck page links here.
    await page.goto(`${app.baseUrl}/decks/socket-io`);
    await page.getByRole("link", { name: "Stats", exact: true }).last().click();
    await page.waitForURL(/\/stats\?deck=socket-io$/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toMatch(/Socket\.io/);
    await expect(page.locator("#reviews-heading + p").innerText()).resolves.toMatch(
      /^3 reviews in the last 30 days, on 1 day/,
    );
    await page.getByRole("link", { name: "365 days" }).click();
    await page.waitForURL(/days=365/);
    await expect(page.locator("#reviews-heading + p").innerText()).resolves.toMatch(/in the last 365 days/);
  });

  it("lists a card's grades on its history page, reached from the deck page", async () => {
    const [first, second] = graded;
    await page.goto(`${app.baseUrl}/decks/socket-io`);
    await page.locator(`a[href="/decks/socket-io/cards/${second}"]`).click();
    await page.waitForURL(new RegExp(`/cards/${second}$`));
    const rows = page.locator("#reviews-heading ~ div table tbody tr");
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(/Again/);
    await expect(page.getByText("Recall now").locator("+ dd").innerText()).resolves.toMatch(/%$/);

    await page.goto(`${app.baseUrl}/decks/socket-io/cards/${first}`);
    await expect(rows.first().innerText()).resolves.toMatch(/Good/);
    await page.goto(`${app.baseUrl}/decks/socket-io/cards/not-a-card`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Not found");
  });

  it("has no axe violations at phone and desktop widths, light and dark", async () => {
    const shots = process.env.SHOTS_DIR;
    if (shots) mkdirSync(shots, { recursive: true });
    const capitals = await db.prisma.card.findFirstOrThrow({ where: { deck: { slug: "capitals" } } });
    const pages = {
      stats: "/stats",
      deck: "/stats?deck=capitals&days=90",
      card: `/decks/capitals/cards/${capitals.id}`,
    };
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(`${app.baseUrl}${url}`);
          if (name !== "card") await page.waitForSelector(".recharts-bar-rectangle");
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} ${device}: horizontal scroll`).toBeLessThanOrEqual(0);
          expect(await axeViolations(page), `${name} ${device} ${scheme}`).toEqual([]);
          if (shots)
            await page.screenshot({
              path: path.join(shots, `${name}-${device}-${scheme}.png`),
              fullPage: true,
            });
        }
      }
    }
  });
});
