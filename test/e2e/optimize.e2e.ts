import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { default_w } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { localUserId } from "@/app/lib/auth/local-learner";
import { perturbedParameters, simulateLearner } from "@/bench/support/simulate-learner";
import { seedSimulatedHistory } from "@/bench/support/seed-history";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Settings -> Optimize on the production build: with no history it says how many reviews it needs;
// with a simulated history of ~1,500 long-term reviews it shows progress, then the figures, and the
// learner's stored parameters change.

describe("settings: optimize FSRS parameters", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ contentDir: false }), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
  });

  const section = () => page.getByRole("region", { name: "Optimize scheduling" });
  const status = () => section().getByRole("status");

  it("says how many reviews it needs when there are too few, and stores nothing", async () => {
    await page.goto(`${app.baseUrl}/settings`);
    await expect.poll(() => section().innerText()).toMatch(/In use: the default parameters/);
    await section().getByRole("button", { name: "Optimize" }).click();
    await expect
      .poll(() => status().innerText())
      .toMatch(/needs at least 400 reviews of cards seen on an earlier day; you have 0\. About 400 more/);
    // The settings form stores the browser's time zone on a first visit; no parameters are stored.
    const row = await db.prisma.learnerSettings.findUnique({ where: { userId: localUserId } });
    expect(row?.fsrsParameters ?? null).toBeNull();
  });

  it("trains on an imported history: progress, then log loss and RMSE before and after, then new parameters", async () => {
    const reviews = simulateLearner({
      trueParameters: perturbedParameters(21, 0.5),
      reviews: 1_500,
      seed: 21,
      countLongTerm: true,
    });
    await seedSimulatedHistory(db.prisma, reviews, { userId: localUserId });

    await page.goto(`${app.baseUrl}/settings`);
    await section().getByRole("button", { name: "Optimize" }).click();
    await expect
      .poll(() => section().getByRole("progressbar", { name: "Training progress" }).count())
      .toBe(1);
    expect(await section().getByRole("button", { name: "Optimizing…" }).isDisabled()).toBe(true);
    mkdirSync("test-results", { recursive: true });
    await section().screenshot({ path: "test-results/optimize-progress.png" });

    await expect.poll(() => status().innerText(), { timeout: 60_000 }).toMatch(/Log loss/);
    const text = await status().innerText();
    expect(text).toMatch(/Saved: grading now uses the parameters trained on your reviews\./);
    expect(text).toMatch(/On 1,\d{3} reviews of \d+ cards/);
    const [, before, after] = /Log loss \(lower is better\)\s+(\d\.\d{4})\s+(\d\.\d{4})/.exec(text) ?? [];
    expect(Number(after)).toBeLessThan(Number(before));
    expect(text).toMatch(/RMSE \(lower is better\)\s+\d\.\d{4}\s+\d\.\d{4}/);
    expect(await section().innerText()).toMatch(/In use: parameters trained on your reviews/);

    const row = await db.prisma.learnerSettings.findUniqueOrThrow({ where: { userId: localUserId } });
    const stored = JSON.parse(row.fsrsParameters ?? "null") as number[];
    expect(stored).toHaveLength(21);
    expect(stored).not.toEqual([...default_w]);

    // The 21 parameters, before and in use, behind a disclosure.
    await section().getByText("The 21 parameters in use").click();
    const table = section().getByRole("table").last();
    expect(await table.getByRole("row").count()).toBe(22);
    const w0 = await table.getByRole("row", { name: /^w0 / }).innerText();
    expect(w0).toContain(default_w[0]!.toFixed(4));
    expect(w0).toContain(stored[0]!.toFixed(4));
  });

  it("shows the outcome after a reload, with no axe violations, at phone and desktop widths", async () => {
    mkdirSync("test-results", { recursive: true });
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${app.baseUrl}/settings`);
        await section().getByText("The 21 parameters in use").click();
        expect(await status().innerText()).toMatch(/Log loss/);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${device}: horizontal scroll`).toBeLessThanOrEqual(0);
        expect(await axeViolations(page), `${device} ${scheme}`).toEqual([]);
        await section().screenshot({ path: `test-results/optimize-${device}-${scheme}.png` });
      }
    }
  });
});
