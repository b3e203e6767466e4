import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";

// Long lists come a page at a time with Previous / Next links, and a deck's search runs on the
// server so it finds cards on every page.

describe("paged lists", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ contentDir: false }), launchBrowser()]);
    db = await openDatabaseFor(app);
    await db.prisma.deck.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        slug: `deck-${i}`,
        title: `Deck ${String(i).padStart(3, "0")}`,
      })),
    });
    const big = await db.prisma.deck.findUniqueOrThrow({ where: { slug: "deck-0" } });
    await db.prisma.card.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        deckId: big.id,
        key: `k${i}`,
        kind: "basic",
        front: i === 140 ? "Where is the Golgi apparatus?" : `Question ${i}?`,
        back: `Answer ${i}`,
        line: i + 1,
        position: i,
      })),
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
  });

  const deckTitles = () => page.locator("main ul > li h2").allInnerTexts();
  const pages = (name: string) => page.getByRole("navigation", { name });

  it("shows 50 decks at a time and walks the list with Next and Previous", async () => {
    await page.goto(app.baseUrl);
    expect(await page.getByText("120 decks").count()).toBe(1);
    let titles = await deckTitles();
    expect(titles).toHaveLength(50);
    expect(titles[0]).toBe("Deck 000");
    expect(await pages("Deck pages").getByRole("link", { name: "Previous" }).count()).toBe(0);

    await pages("Deck pages").getByRole("link", { name: "Next" }).click();
    await page.waitForURL(/\?after=/);
    await page.getByRole("link", { name: "Deck 050", exact: true }).waitFor();
    await pages("Deck pages").getByRole("link", { name: "Next" }).click();
    await page.getByRole("link", { name: "Deck 100", exact: true }).waitFor();
    titles = await deckTitles();
    expect(titles).toHaveLength(20);
    expect(titles.at(-1)).toBe("Deck 119");
    expect(await pages("Deck pages").getByRole("link", { name: "Next" }).count()).toBe(0);

    await pages("Deck pages").getByRole("link", { name: "Previous" }).click();
    await page.getByRole("link", { name: "Deck 050", exact: true }).waitFor();
    expect(await deckTitles()).toHaveLength(50);
  });

  it("shows a deck's cards 100 at a time and searches all of them on the server", async () => {
    await page.goto(`${app.baseUrl}/decks/deck-0`);
    expect(await page.locator("main article").count()).toBe(100);
    expect(await page.getByText("150 cards", { exact: true }).count()).toBe(1);
    expect(await page.getByText("Where is the Golgi apparatus?").count()).toBe(0);

    await page.getByRole("searchbox", { name: "Search cards" }).fill("golgi");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\?q=golgi/);
    await page.getByText("Where is the Golgi apparatus?").waitFor();
    expect(await page.locator("main article").count()).toBe(1);
    expect(await page.getByText(/1 card matches “golgi”/).count()).toBe(1);

    await page.goto(`${app.baseUrl}/decks/deck-0`);
    await pages("Card pages").getByRole("link", { name: "Next" }).click();
    await page.getByText("Where is the Golgi apparatus?").waitFor();
    expect(await page.locator("main article").count()).toBe(50);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/deck-page-2.png" });
  });
});
