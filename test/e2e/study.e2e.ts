import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// The study experience end to end on the production build: keyboard and mouse grading saved in the
// background, progress kept across a reload, a doubled submission stored once, undo, an offline grade
// kept and retried, card markdown that cannot run script, and no axe violations.

const root = path.resolve(import.meta.dirname, "../..");

const xssDeck = `# XSS payloads

Script tag payload::<script>window.__xss = "script"</script>danger
Image payload::<img src="x" onerror="window.__xss = 'img'">
Link payload::[click me](javascript:window.__xss='link')
Iframe payload::<iframe src="javascript:window.__xss='iframe'"></iframe>
Svg payload::<svg onload="window.__xss='svg'"></svg>

- What does <img src="x" onerror="window.__xss='front'"> do on the front?

  It is a payload on the front side
`;

// Only once the session is hydrated: a key pressed before that does nothing.
const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";

async function currentCardId(page: Page): Promise<string> {
  const id = await page.locator(visibleCard).getAttribute("data-card-id");
  if (!id) throw new Error("no card showing");
  return id;
}

async function waitForSaves(page: Page) {
  await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
}

describe("study page", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-study-e2e-"));
    copyFileSync(path.join(root, "content/socket-io.md"), path.join(contentDir, "socket-io.md"));
    writeFileSync(path.join(contentDir, "xss.md"), xssDeck);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  const reviewCount = () => db.prisma.reviewLog.count();

  it("studies five cards with the keyboard and the mouse, and keeps the progress across a reload", async () => {
    await page.goto(app.baseUrl);
    const deck = page.locator("li", { hasText: "Socket.io" });
    const newBefore = Number(await deck.locator("dt:text-is('New') + dd").innerText());
    expect(newBefore).toBeGreaterThanOrEqual(5);

    await deck.getByRole("link", { name: "Study Socket.io" }).click();
    await page.waitForSelector(visibleCard);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push(await currentCardId(page));
      await page.keyboard.press("Space");
      await expect.poll(() => page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
      await expect(page.getByRole("button", { name: /^Good/ }).innerText()).resolves.toMatch(/\d+(m|h|d)/);
      await page.keyboard.press(i === 0 ? "1" : "3");
    }
    for (let i = 0; i < 2; i++) {
      seen.push(await currentCardId(page));
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: /^Easy/ }).click();
    }
    expect(new Set(seen).size).toBe(5);
    await waitForSaves(page);
    expect(await reviewCount()).toBe(5);
    const states = await db.prisma.cardState.findMany({ where: { cardId: { in: seen } } });
    expect(states).toHaveLength(5);
    expect(states.every((state) => state.version === 1)).toBe(true);

    await page.reload();
    await page.waitForSelector(visibleCard);
    expect(seen).not.toContain(await currentCardId(page));
    await page.goto(app.baseUrl);
    const newAfter = Number(await deck.locator("dt:text-is('New') + dd").innerText());
    expect(newAfter).toBe(newBefore - 5);
    await expect(deck.innerText()).resolves.toMatch(/studied now/);
  });

  it("stores a doubled grade submission once", async () => {
    await page.goto(`${app.baseUrl}/decks/socket-io/study`);
    await page.waitForSelector(visibleCard);
    const before = await reviewCount();
    let doubled = 0;
    await page.route("**/api/grades", async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      doubled++;
      await route.fetch();
      await route.fulfill({ response: await route.fetch() });
    });
    const cardId = await currentCardId(page);
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await waitForSaves(page);
    await page.unroute("**/api/grades");
    expect(doubled).toBe(1);
    expect(await reviewCount()).toBe(before + 1);
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
  });

  it("undoes the last grade with u: the card comes back and its review row is removed", async () => {
    await page.goto(`${app.baseUrl}/decks/socket-io/study`);
    await page.waitForSelector(visibleCard);
    const before = await reviewCount();
    const cardId = await currentCardId(page);
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    await waitForSaves(page);
    expect(await reviewCount()).toBe(before + 1);
    await page.keyboard.press("u");
    await expect.poll(() => currentCardId(page)).toBe(cardId);
    await waitForSaves(page);
    expect(await reviewCount()).toBe(before);
    expect(await db.prisma.cardState.count({ where: { cardId } })).toBe(0);
  });

  it("keeps a grade made offline in the outbox, says so, and saves it when back online", async () => {
    await page.goto(`${app.baseUrl}/decks/socket-io/study`);
    await page.waitForSelector(visibleCard);
    const before = await reviewCount();
    await page.context().setOffline(true);
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await expect
      .poll(() => page.locator("[data-testid=save-status]").innerText(), { timeout: 10_000 })
      .toMatch(/1 grade waiting to save — retrying/);
    expect(await page.evaluate(() => localStorage.getItem("notecards:outbox:v1"))).toContain(
      '"type":"grade"',
    );
    await page.context().setOffline(false);
    await waitForSaves(page);
    expect(await reviewCount()).toBe(before + 1);
  });

  it("tells the learner when a card was graded elsewhere and counts only the first grade", async () => {
    const other = await browser.newContext();
    try {
      const elsewhere = await other.newPage();
      await Promise.all([
        page.goto(`${app.baseUrl}/decks/socket-io/study`),
        elsewhere.goto(`${app.baseUrl}/decks/socket-io/study`),
      ]);
      await Promise.all([page.waitForSelector(visibleCard), elsewhere.waitForSelector(visibleCard)]);
      const cardId = await currentCardId(page);
      expect(await currentCardId(elsewhere)).toBe(cardId);
      const before = await db.prisma.reviewLog.count({ where: { cardId } });

      await elsewhere.keyboard.press("Space");
      await elsewhere.keyboard.press("3");
      await waitForSaves(elsewhere);
      await page.keyboard.press("Space");
      await page.keyboard.press("1");
      await expect
        .poll(() => page.locator("main [role=alert]").allInnerTexts(), { timeout: 15_000 })
        .toContainEqual(expect.stringMatching(/graded elsewhere/));
      await waitForSaves(page);
      const logs = await db.prisma.reviewLog.findMany({ where: { cardId } });
      expect(logs).toHaveLength(before + 1);
      expect(logs.at(-1)?.rating).toBe(3);
    } finally {
      await other.close();
    }
  });

  it("can be used with the keyboard alone, from the home page to a saved grade", async () => {
    await page.goto(app.baseUrl);
    const before = await reviewCount();
    let focused = "";
    for (let i = 0; i < 10 && focused !== "Study Socket.io"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    }
    expect(focused).toBe("Study Socket.io");
    await page.keyboard.press("Enter");
    await page.waitForSelector(visibleCard);
    const first = await currentCardId(page);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
    await page.keyboard.press("2");
    await expect.poll(() => currentCardId(page)).not.toBe(first);
    await waitForSaves(page);
    expect(await reviewCount()).toBe(before + 1);
  });

  it("renders payload cards inert: no dialog, no injected element, no script run", async () => {
    const { slug } = await db.prisma.deck.findFirstOrThrow({ where: { title: "XSS payloads" } });
    expect(await db.prisma.card.count({ where: { deck: { slug } } })).toBe(6);
    await page.goto(`${app.baseUrl}/decks/${slug}/study`);
    await page.waitForSelector(visibleCard);
    for (let i = 0; i < 6; i++) {
      if ((await page.locator(visibleCard).count()) === 0) break;
      await page.keyboard.press("Space");
      const card = page.locator(visibleCard);
      expect(await card.locator("script, iframe, svg, img[src='x'], [onerror], [onload]").count()).toBe(0);
      expect(await card.locator("a[href^='javascript']").count()).toBe(0);
      await page.keyboard.press("3");
    }
    const links = page.locator("article a");
    // A link whose unsafe href the sanitizer removed has none at all, which is inert too.
    for (const link of await links.all()) {
      expect((await link.getAttribute("href")) ?? "").not.toMatch(/^javascript/i);
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.goto(`${app.baseUrl}/decks/${slug}`);
    expect(await page.locator("main script, main iframe, main svg, main img[src='x']").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });

  it.each([
    ["home", "/"],
    ["deck", "/decks/socket-io"],
    ["study", "/decks/socket-io/study"],
  ])("has no axe violations on the %s page", async (_name, route) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${app.baseUrl}${route}`);
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page), `${route} (${scheme})`).toEqual([]);
      if (route.endsWith("/study")) {
        await page.keyboard.press("Space");
        expect(await axeViolations(page), `${route} revealed (${scheme})`).toEqual([]);
      }
    }
  });
});
