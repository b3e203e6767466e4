import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { notReverseCard } from "@/app/lib/study/quiz-mode";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Settings -> Study: under desired retention, the simulated reviews a day for 0.70-0.97 on the
// learner's own cards (content/'s deck, some of it studied), as a chart and a table, following what
// the learner types and what they save.

const shots = "/tmp/shots-retention";

describe("settings: what each desired retention costs", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
    // Half the deck studied over the past weeks, the rest new.
    const cards = await db.prisma.card.findMany({
      where: notReverseCard,
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const studied = cards.slice(0, Math.ceil(cards.length / 2));
    for (const [index, card] of studied.entries())
      await gradeCardWith(
        db.prisma,
        { gradeId: `seed-${index}`, cardId: card.id, rating: 3, expectedVersion: 0 },
        new Date(Date.now() - (2 + (index % 14)) * 86_400_000),
        { userId: "local" },
      );
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
  });

  const estimate = () => page.getByRole("figure", { name: /Reviews a day over the next 90 days/ });

  /** The table's rows as [retention label, reviews a day, cards recalled]. */
  async function tableRows(): Promise<string[][]> {
    await estimate().getByText("The estimate as a table").click();
    const rows = estimate().getByRole("table").getByRole("row");
    const texts = await rows.allInnerTexts();
    return texts.slice(1).map((row) => row.split("\t").map((cell) => cell.trim()));
  }

  it("shows reviews a day for 0.70-0.97 with the setting marked, rising with retention", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.baseUrl}/settings`);
    await expect.poll(() => estimate().count(), { timeout: 30_000 }).toBe(1);
    // Term cards' reverse cards are studied only when the deck is studied both ways (it is not here).
    const cards = await db.prisma.card.count({ where: notReverseCard });
    expect(await estimate().innerText()).toContain(`your ${cards} cards`);
    expect(await estimate().innerText()).toMatch(/with the default parameters/);
    expect(await estimate().getByRole("img").getAttribute("aria-labelledby")).toBe("retention-chart-title");
    expect(
      await estimate()
        .getByRole("img", { name: /Average reviews a day for retention 0\.70 to 0\.97/ })
        .count(),
    ).toBe(1);

    const rows = await tableRows();
    expect(rows.map((row) => row[0])).toEqual([
      "0.70",
      "0.75",
      "0.80",
      "0.85",
      "0.88",
      "0.90 (yours)",
      "0.92",
      "0.94",
      "0.95",
      "0.96",
      "0.97",
    ]);
    const perDay = rows.map((row) => Number(row[1]!.replace(/,/g, "")));
    expect(perDay.at(-1)).toBeGreaterThan(perDay[0]!);
    expect(await estimate().innerText()).toMatch(/At 0\.90: about [\d.,]+ reviews a day/);
  });

  it("follows the retention typed, and marks the one saved", async () => {
    await page.goto(`${app.baseUrl}/settings`);
    const field = page.getByLabel("Desired retention", { exact: true });
    await field.fill("0.8");
    await expect.poll(() => estimate().innerText()).toMatch(/At 0\.80: about [\d.,]+ reviews a day/);
    await field.fill("0.86");
    await page.getByRole("button", { name: "Save study settings" }).click();
    await expect.poll(() => page.getByText(/^Saved\. The next study session/).count()).toBeGreaterThan(0);
    await page.goto(`${app.baseUrl}/settings`);
    await expect.poll(() => estimate().count(), { timeout: 30_000 }).toBe(1);
    const rows = await tableRows();
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => row[0])).toContain("0.86 (yours)");
    expect(
      await estimate()
        .getByRole("img", { name: /Average reviews/ })
        .count(),
    ).toBe(1);
  });

  it("has no axe violations and fits phone and desktop, light and dark", async () => {
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${app.baseUrl}/settings`);
        await expect.poll(() => estimate().count(), { timeout: 30_000 }).toBe(1);
        await estimate().getByText("The estimate as a table").click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${device}: horizontal scroll`).toBeLessThanOrEqual(0);
        expect(await axeViolations(page), `${device} ${scheme}`).toEqual([]);
        await page
          .getByRole("region", { name: "Study", exact: true })
          .screenshot({ path: `${shots}/retention-${device}-${scheme}.png` });
      }
    }
  });

  it("shows the deck's own estimate on its options page, at phone and desktop widths", async () => {
    const deck = await db.prisma.deck.findFirstOrThrow({ select: { slug: true, id: true } });
    const cards = await db.prisma.card.count({ where: { deckId: deck.id, ...notReverseCard } });
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: device === "phone" ? "dark" : "light" });
      await page.goto(`${app.baseUrl}/decks/${deck.slug}/options`);
      await expect.poll(() => estimate().count(), { timeout: 30_000 }).toBe(1);
      expect(await estimate().innerText()).toContain(`this deck's ${cards} cards`);
      // Blank uses the learner's 0.86; typing the deck's own moves the sentence.
      expect(await estimate().innerText()).toMatch(/At 0\.86: about/);
      await page.getByLabel("Desired retention", { exact: true }).fill("0.95");
      await expect.poll(() => estimate().innerText()).toMatch(/At 0\.95: about/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${device}: horizontal scroll`).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), device).toEqual([]);
      await page.screenshot({ path: `${shots}/deck-options-${device}.png`, fullPage: true });
    }
  });
});
