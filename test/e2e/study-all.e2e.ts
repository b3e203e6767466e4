import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Study all and practice on the production build: one session over two decks, each card naming
// its deck, grades saved; practice that leaves every CardState and ReviewLog row as it was; axe
// clean at phone and desktop widths, light and dark.

const shots = process.env.SHOTS_DIR ?? "test-results";

const decks = {
  "alpha.md":
    "# Alpha\n\n" + [1, 2, 3, 4, 5, 6].map((n) => `Alpha question ${n}::alpha answer ${n}`).join("\n"),
  "beta.md": "# Beta\n\n" + [1, 2, 3, 4, 5, 6].map((n) => `Beta question ${n}::beta answer ${n}`).join("\n"),
};

const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";
const viewports = [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;

async function currentCardId(page: Page): Promise<string> {
  const id = await page.locator(visibleCard).getAttribute("data-card-id");
  if (!id) throw new Error("no card showing");
  return id;
}

async function waitForSaves(page: Page) {
  await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
}

const cardsLeft = (page: Page) => page.getByLabel("Cards left").innerText();

describe("study all and practice", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;
  const gradePosts: string[] = [];

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-study-all-e2e-"));
    for (const [name, text] of Object.entries(decks)) writeFileSync(path.join(contentDir, name), text);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
    page.on("request", (request) => {
      if (request.method() === "POST" && request.postData()?.includes("gradeId"))
        gradePosts.push(request.url());
    });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  for (const [device, viewport] of viewports) {
    it(`studies both decks in one session and saves the grades (${device})`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(app.baseUrl);
      await page.getByTestId("study-all-link").click();
      await page.waitForURL(/\/study$/);
      await page.waitForSelector(visibleCard);
      const newBefore = Number((await cardsLeft(page)).match(/(\d+) new/)![1]);
      const before = await db.prisma.reviewLog.count();
      const seenDecks = new Set<string>();
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        seen.push(await currentCardId(page));
        seenDecks.add(await page.locator(`${visibleCard} [data-card-deck]`).innerText());
        if (device === "phone") {
          await page.getByRole("button", { name: "Show answer" }).click();
          await page.getByRole("button", { name: /^Easy/ }).click();
        } else {
          await page.keyboard.press("Space");
          await page.keyboard.press("4");
        }
      }
      expect([...seenDecks].map((name) => name.replace(/^Deck:\s*/, "")).sort()).toEqual(["Alpha", "Beta"]);
      expect(new Set(seen).size).toBe(4);
      await waitForSaves(page);
      expect(await db.prisma.reviewLog.count()).toBe(before + 4);
      const states = await db.prisma.cardState.findMany({ where: { cardId: { in: seen } } });
      expect(states).toHaveLength(4);

      await page.reload();
      await page.waitForSelector(visibleCard);
      expect(await cardsLeft(page)).toMatch(new RegExp(`^${newBefore - 4} new`));
      expect(seen).not.toContain(await currentCardId(page));
    });
  }

  it("counts due cards of every deck in the header link", async () => {
    const state = await db.prisma.cardState.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db.prisma.cardState.update({
      where: { id: state.id },
      data: { due: new Date(Date.now() - 60_000) },
    });
    await page.goto(app.baseUrl);
    await expect.poll(() => page.getByRole("link", { name: "Study all 1 due", exact: true }).count()).toBe(1);
  });

  it("shows a card's rewritten answer live, whichever deck it comes from", async () => {
    await page.goto(`${app.baseUrl}/study`);
    await page.waitForSelector(visibleCard);
    // The page subscribes to every deck's changes a moment after it has loaded.
    await page.waitForTimeout(2_000);
    const card = page.locator(visibleCard);
    const deckName = (await card.locator("[data-card-deck]").innerText()).replace(/^Deck:\s*/, "");
    const row = await db.prisma.card.findUniqueOrThrow({ where: { id: await currentCardId(page) } });
    const file = deckName === "Alpha" ? "alpha.md" : "beta.md";
    const text = decks[file].replace(
      `${row.front}::${row.back}`,
      `${row.front}::${row.back}, rewritten live`,
    );
    expect(text).not.toBe(decks[file]);
    writeFileSync(path.join(contentDir, file), text);
    await page.keyboard.press("Space");
    await expect.poll(() => card.innerText(), { timeout: 10_000, interval: 100 }).toContain("rewritten live");
    expect(await card.getAttribute("data-card-id")).toBe(row.id);
  });

  it("practises a deck without writing a grade or touching a card's state", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const snapshot = async () => ({
      states: await db.prisma.cardState.findMany({ orderBy: { id: "asc" } }),
      logs: await db.prisma.reviewLog.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const postsBefore = gradePosts.length;

    await page.goto(`${app.baseUrl}/decks/alpha`);
    await page.getByRole("link", { name: "Practice", exact: true }).click();
    await page.waitForURL(/\/decks\/alpha\/practice$/);
    await expect(page.getByTestId("practice-banner").innerText()).resolves.toBe(
      "Practice — your schedule is not changed",
    );
    await page.waitForSelector(visibleCard);
    expect(await cardsLeft(page)).toBe("6 to go");

    const first = await currentCardId(page);
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Again/ }).innerText()).resolves.toMatch(/soon/);
    await page.keyboard.press("1");
    const shown: string[] = [];
    for (let i = 0; i < 6; i++) {
      shown.push(await currentCardId(page));
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: /^Good/ }).click();
    }
    // Again brought the first card back after three others; Good took each card out.
    expect(shown.indexOf(first)).toBe(3);
    expect(new Set(shown).size).toBe(6);
    await expect(page.getByRole("heading", { name: "Practice done" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("practice-seen").innerText()).resolves.toMatch(/^6 cards, shown 7 times/);

    // Undo in practice brings the card back, still without a save.
    await page.keyboard.press("u");
    await expect.poll(() => currentCardId(page)).toBe(shown.at(-1));
    await page.waitForTimeout(500);
    expect(gradePosts.length).toBe(postsBefore);
    expect(await snapshot()).toEqual(before);
  });

  it("reviews ahead within some days, and explains days it cannot use", async () => {
    await page.goto(`${app.baseUrl}/decks/alpha/practice`);
    await page.getByLabel("Due within").check();
    await page.getByLabel("Days ahead").fill("30");
    await page.getByRole("button", { name: "Start" }).click();
    await page.waitForURL(/mode=ahead&ahead=30/);
    await page.waitForSelector(visibleCard);
    const started = await db.prisma.cardState.count({ where: { card: { deck: { slug: "alpha" } } } });
    expect(await cardsLeft(page)).toBe(`${started} to go`);

    await page.goto(`${app.baseUrl}/decks/alpha/practice?mode=ahead&ahead=0`);
    await expect(page.getByRole("alert").filter({ hasText: /./ }).innerText()).resolves.toMatch(
      /at least 1 day/,
    );
    expect(await cardsLeft(page)).toBe("6 to go");
  });

  it("has no axe violations on Study all and practice, at phone and desktop widths, light and dark", async () => {
    mkdirSync(shots, { recursive: true });
    for (const [device, viewport] of viewports) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, url] of [
          ["study-all", "/study"],
          ["practice", "/decks/beta/practice"],
          ["practice-all", "/study/practice"],
        ] as const) {
          await page.goto(`${app.baseUrl}${url}`);
          await page.waitForSelector(visibleCard);
          expect(await axeViolations(page), `${name} ${device} ${scheme}`).toEqual([]);
          await page.keyboard.press("Space");
          await expect.poll(() => page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
          expect(await axeViolations(page), `${name} revealed ${device} ${scheme}`).toEqual([]);
          await page.screenshot({ path: `${shots}/${name}-${device}-${scheme}.png`, fullPage: true });
        }
        // The end of a practice round.
        await page.goto(`${app.baseUrl}/decks/beta/practice`);
        await page.waitForSelector(visibleCard);
        for (let i = 0; i < 6; i++) {
          await page.keyboard.press("Space");
          await page.keyboard.press("4");
        }
        await page.getByRole("heading", { name: "Practice done" }).waitFor();
        expect(await axeViolations(page), `practice done ${device} ${scheme}`).toEqual([]);
        await page.screenshot({ path: `${shots}/practice-done-${device}-${scheme}.png`, fullPage: true });
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
  });
});
