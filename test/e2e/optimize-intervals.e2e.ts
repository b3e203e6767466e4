import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { localUserId, schedulerFor } from "@/app/lib/actions/grading";
import { getDeckStudySettingsWith } from "@/app/lib/data/settings-read";
import { reshapeSchedule } from "@/app/lib/data/mappers";
import { formatInterval } from "@/app/lib/study/format";
import { perturbedParameters, simulateLearner } from "@/bench/support/simulate-learner";
import { seedSimulatedHistory } from "@/bench/support/seed-history";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";

// Grading follows the learner's own parameters end to end: after Settings -> Optimize stores trained
// parameters, the intervals on a review card's grade buttons change to the ones those parameters
// give, and the due date the server saves for Good is the one its button showed.

const dayMs = 86_400_000;
const axePath = path.join(path.resolve(import.meta.dirname, "../.."), "node_modules/axe-core/axe.min.js");

async function axeViolations(page: Page) {
  // Evaluated, not added as a <script>: the app's CSP runs only scripts carrying its nonce.
  await page.evaluate(readFileSync(axePath, "utf8"));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((n) => n.target),
    }));
  });
}

describe("optimize, then study: the buttons' intervals follow the trained parameters", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let page: Page;
  let deckId: string;
  const cardId = "review-card";

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ contentDir: false }), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });

    const reviews = simulateLearner({
      trueParameters: perturbedParameters(21, 0.5),
      reviews: 1_500,
      seed: 21,
      countLongTerm: true,
    });
    await seedSimulatedHistory(db.prisma, reviews, { userId: localUserId });
    // One review card, last seen 8 days ago, due now: every grade but Again lands days away.
    const deck = await db.prisma.deck.create({ data: { slug: "review-deck", title: "Review deck" } });
    deckId = deck.id;
    await db.prisma.card.create({
      data: {
        id: cardId,
        deckId,
        key: "k1",
        kind: "basic",
        front: "What is the capital of Peru?",
        back: "Lima",
        line: 1,
      },
    });
    const now = Date.now();
    await db.prisma.cardState.create({
      data: {
        userId: localUserId,
        cardId,
        due: new Date(now - 60_000),
        stability: 8,
        difficulty: 5,
        elapsed_days: 8,
        scheduled_days: 8,
        learning_steps: 0,
        reps: 4,
        lapses: 0,
        state: 2,
        last_review: new Date(now - 8 * dayMs),
        version: 1,
      },
    });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
  });

  /** The intervals on the four buttons, after Show answer. */
  async function shownIntervals(): Promise<string[]> {
    await page.goto(`${app.baseUrl}/decks/review-deck/study`);
    await page.getByRole("button", { name: "Show answer" }).click();
    const group = page.getByRole("group", { name: "Grade your answer" });
    return Promise.all(
      ["Again", "Hard", "Good", "Easy"].map(async (name) => {
        const text = await group.getByRole("button", { name: new RegExp(`^${name}`) }).innerText();
        return /(<1m|\d+(?:\.\d)?(?:mo|m|h|d|y))/.exec(text)?.[1] ?? text;
      }),
    );
  }

  /** The intervals the server's own scheduler gives the card now, with the stored settings. */
  async function expectedIntervals(): Promise<string[]> {
    const settings = await getDeckStudySettingsWith(db.prisma, localUserId, deckId);
    const row = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    const now = new Date();
    const preview = schedulerFor(settings).preview(reshapeSchedule(row), now, cardId);
    return ([1, 2, 3, 4] as const).map((rating) => formatInterval(now, preview[rating].nextCard.due));
  }

  it("shows the default parameters' intervals, then the trained ones' after Optimize, and saves what Good showed", async () => {
    const before = await shownIntervals();
    expect(before).toEqual(await expectedIntervals());

    await page.goto(`${app.baseUrl}/settings`);
    const section = page.getByRole("region", { name: "Optimize scheduling" });
    await section.getByRole("button", { name: "Optimize" }).click();
    await expect
      .poll(() => section.getByRole("status").innerText(), { timeout: 90_000 })
      .toMatch(/Saved: grading now uses the parameters trained on your reviews\./);
    // The retention estimate beside the setting follows, without a reload.
    await expect
      .poll(() => page.getByRole("figure", { name: /Reviews a day over the next 90 days/ }).innerText(), {
        timeout: 30_000,
      })
      .toMatch(/with the parameters trained on your reviews/);

    const after = await shownIntervals();
    expect(after).toEqual(await expectedIntervals());
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await shownIntervals()).toEqual(after);
    expect(await axeViolations(page)).toEqual([]);
    // Again (a 10-minute relearning step) does not depend on the parameters; the others do.
    expect(after[0]).toBe(before[0]);
    expect(after.slice(1)).not.toEqual(before.slice(1));

    await page.getByRole("button", { name: /^Good/ }).click();
    await expect
      .poll(
        async () =>
          (
            await db.prisma.cardState.findUniqueOrThrow({
              where: { userId_cardId: { userId: localUserId, cardId } },
            })
          ).version,
      )
      .toBe(2);
    const saved = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    expect(formatInterval(saved.last_review!, saved.due)).toBe(after[2]);
  });
});
