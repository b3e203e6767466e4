import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Study settings on the production build: the daily new-card limit and desired retention change what
// the study page offers and the intervals it shows, a deck's own options win over the learner's, a bad
// value is refused with a message, the browser's time zone is stored on the first visit, and both pages
// have no axe violations at phone and desktop widths, light and dark.

const shots = process.env.SHOTS_DIR ?? "test-results";
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";

const deck = (title: string, count: number) =>
  `# ${title}\n\n${Array.from({ length: count }, (_, i) => `- What is ${title.toLowerCase()} fact ${i + 1}?\n  Answer ${i + 1}\n`).join("\n")}`;

describe("study settings", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-study-settings-e2e-"));
    writeFileSync(path.join(contentDir, "capitals.md"), deck("Capitals", 8));
    writeFileSync(path.join(contentDir, "rivers.md"), deck("Rivers", 8));
    writeFileSync(path.join(contentDir, "mountains.md"), deck("Mountains", 8));
    writeFileSync(path.join(contentDir, "review.md"), deck("Review", 1));
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    // The learner's browser is in Tokyo: the first visit to the settings stores that zone.
    context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
    page = await context.newPage();
  });

  afterAll(async () => {
    await db?.close();
    await context?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  async function saveSettings(fields: Record<string, string>) {
    await page.goto(`${app.baseUrl}/settings`);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Save study settings" }) });
    for (const [label, value] of Object.entries(fields))
      await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole("button", { name: "Save study settings" }).click();
    await expect.poll(() => form.getByRole("status").innerText()).toMatch(/Saved/);
  }

  /** Studies the deck to its end with Easy; returns the ids of the cards shown. */
  async function studyAll(slug: string) {
    await page.goto(`${app.baseUrl}/decks/${slug}/study`);
    await page.waitForSelector("[data-study-ready]");
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const card = page.locator(visibleCard);
      if ((await card.count()) === 0) break;
      seen.push((await card.getAttribute("data-card-id"))!);
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: /^Easy/ }).click();
    }
    return seen;
  }

  it("stores the browser's time zone on the first visit to the settings", async () => {
    await page.setViewportSize(desktop);
    await page.goto(`${app.baseUrl}/settings`);
    await expect.poll(() => page.getByLabel("Time zone").inputValue()).toBe("Asia/Tokyo");
    await expect
      .poll(
        async () => (await db.prisma.learnerSettings.findUnique({ where: { userId: "local" } }))?.timeZone,
      )
      .toBe("Asia/Tokyo");
  });

  it("refuses a retention outside 0.70-0.97 with the reason next to the field, and saves nothing", async () => {
    await page.setViewportSize(phone);
    await page.goto(`${app.baseUrl}/settings`);
    const retention = page.getByLabel("Desired retention");
    await retention.fill("0.5");
    await page.getByRole("button", { name: "Save study settings" }).click();
    await expect.poll(() => page.locator("#desiredRetention-error").innerText()).toMatch(/at least 0\.70/);
    expect(await retention.getAttribute("aria-invalid")).toBe("true");
    expect(await retention.inputValue()).toBe("0.5");
    expect(
      (await db.prisma.learnerSettings.findUniqueOrThrow({ where: { userId: "local" } })).desiredRetention,
    ).toBe(0.9);
  });

  it.each([
    ["phone", phone, "capitals"],
    ["desktop", desktop, "rivers"],
  ] as const)(
    "with 3 new cards a day, the study page offers exactly 3 (%s)",
    async (_name, viewport, slug) => {
      await page.setViewportSize(viewport);
      await saveSettings({ "New cards per day": "3" });
      await page.goto(`${app.baseUrl}/decks/${slug}/study`);
      await expect.poll(() => page.getByLabel("Cards left").innerText()).toMatch(/^3 new/);
      const seen = await studyAll(slug);
      expect(new Set(seen).size).toBe(3);
      await page.waitForSelector("#summary-title");
      // Saved in the background: wait for the three grades, then the deck page agrees.
      await expect
        .poll(() => db.prisma.reviewLog.count({ where: { card: { deck: { slug } } } }), { timeout: 15_000 })
        .toBe(3);
      await page.goto(`${app.baseUrl}/decks/${slug}`);
      expect(await page.locator("main dt:text-is('New') + dd").first().innerText()).toBe("0");
    },
  );

  it("a deck's own options win over the settings, and show what they inherit", async () => {
    for (const [name, viewport] of [
      ["phone", phone],
      ["desktop", desktop],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.baseUrl}/decks/mountains`);
      await page.getByRole("link", { name: "Study options" }).click();
      await page.waitForURL(/\/decks\/mountains\/options$/);
      const field = page.getByLabel("New cards per day", { exact: true });
      expect(await page.locator("#newPerDay-hint").innerText()).toMatch(/Blank: your setting, 3/);
      await field.fill(name === "phone" ? "1" : "2");
      await page.getByRole("button", { name: "Save deck options" }).click();
      await expect.poll(() => page.getByRole("status").innerText()).toMatch(/Saved/);
      await page.goto(`${app.baseUrl}/decks/mountains/study`);
      await expect
        .poll(() => page.getByLabel("Cards left").innerText())
        .toMatch(name === "phone" ? /^1 new/ : /^2 new/);
    }
  });

  it("a higher desired retention shortens the interval on the Good button", async () => {
    const card = await db.prisma.card.findFirstOrThrow({ where: { deck: { slug: "review" } } });
    const now = Date.now();
    await db.prisma.cardState.create({
      data: {
        userId: "local",
        cardId: card.id,
        deckId: card.deckId,
        due: new Date(now - 3_600_000),
        stability: 30,
        difficulty: 5,
        elapsed_days: 30,
        scheduled_days: 30,
        learning_steps: 0,
        reps: 4,
        lapses: 0,
        state: 2,
        last_review: new Date(now - 30 * 86_400_000),
        version: 1,
      },
    });
    const goodInterval = async () => {
      await page.goto(`${app.baseUrl}/decks/review/study`);
      await page.waitForSelector(visibleCard);
      await page.getByRole("button", { name: "Show answer" }).click();
      const text = await page.getByRole("button", { name: /^Good/ }).innerText();
      const match = /(\d+(?:\.\d+)?)(d|mo|y)/.exec(text);
      if (!match) throw new Error(`no interval in "${text}"`);
      const unit = { d: 1, mo: 30, y: 365 }[match[2] as "d" | "mo" | "y"];
      return Number(match[1]) * unit;
    };
    for (const viewport of [phone, desktop]) {
      await page.setViewportSize(viewport);
      await saveSettings({ "Desired retention": "0.8" });
      const relaxed = await goodInterval();
      await saveSettings({ "Desired retention": "0.97" });
      const strict = await goodInterval();
      expect(strict).toBeLessThan(relaxed / 2);
    }
    // The line under the field says what the number means.
    await page.goto(`${app.baseUrl}/settings`);
    expect(await page.locator("#desiredRetention-hint").innerText()).toMatch(
      /0\.97: you should recall about 9\.7 in 10/,
    );
  });

  it("shows a leech on its deck's page: a tag on the card and a count", async () => {
    const card = await db.prisma.card.findFirstOrThrow({
      where: { deck: { slug: "mountains" } },
      orderBy: { position: "desc" },
    });
    const when = new Date();
    await db.prisma.cardMark.create({
      data: { userId: "local", cardId: card.id, leechAt: when, suspendedAt: when },
    });
    for (const viewport of [phone, desktop]) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.baseUrl}/decks/mountains`);
      expect(await page.locator("main").innerText()).toContain("1 leech (suspended)");
      const rows = page.locator("article", { hasText: "Leech" });
      expect(await rows.count()).toBe(1);
      expect(await rows.innerText()).toContain(card.front);
    }
  });

  it("has no axe violations on the settings and options pages, phone and desktop, light and dark", async () => {
    for (const [device, viewport] of [
      ["phone", phone],
      ["desktop", desktop],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, url] of [
          ["settings", "/settings"],
          ["options", "/decks/mountains/options"],
          ["deck", "/decks/mountains"],
        ] as const) {
          await page.goto(`${app.baseUrl}${url}`);
          expect(await axeViolations(page), `${name} ${device} ${scheme}`).toEqual([]);
          await page.screenshot({
            path: path.join(shots, `study-settings-${name}-${device}-${scheme}.png`),
            fullPage: true,
          });
        }
        // A refused form, errors showing.
        await page.goto(`${app.baseUrl}/decks/mountains/options`);
        await page.getByLabel("Learning steps", { exact: true }).fill("1m soon");
        await page.getByRole("button", { name: "Save deck options" }).click();
        await expect
          .poll(() => page.locator("#learningSteps-error").innerText())
          .toMatch(/"soon" is not a step/);
        expect(await axeViolations(page), `options error ${device} ${scheme}`).toEqual([]);
        await page.screenshot({
          path: path.join(shots, `study-settings-options-error-${device}-${scheme}.png`),
          fullPage: true,
        });
      }
    }
  });
});
