import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Quiz modes end to end on the production build, at phone and desktop width: the mode switcher
// (saved per deck, kept across a reload), a typed answer compared character by character with a
// suggested grade that the learner overrides, multiple choice with keys 1-4, and a term card studied
// definition -> term once reversed study is on; axe finds nothing in each state.

const deck = `# Capitals

## Europe

- **France**: Paris
- **Italy**: Rome
- **Spain**: Madrid
- **Germany**: Berlin
- **Portugal**: Lisbon

## Rivers

What river flows through Paris?::The Seine

What river flows through Vienna?::The Danube
`;

const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";

async function waitForSaves(page: Page) {
  await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
}

describe("quiz modes", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let deckId: string;
  let studyUrl: string;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-quiz-e2e-"));
    writeFileSync(path.join(contentDir, "capitals.md"), deck);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    const stored = await db.prisma.deck.findFirstOrThrow({ select: { id: true, slug: true } });
    deckId = stored.id;
    studyUrl = `${app.baseUrl}/decks/${stored.slug}/study`;
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  // Each case starts from a deck nobody has studied, in flip mode.
  beforeEach(async () => {
    await db.prisma.reviewLog.deleteMany();
    await db.prisma.cardState.deleteMany();
    await db.prisma.deckSettings.deleteMany();
  });

  const setMode = async (quizMode: string, studyReversed = false) => {
    await db.prisma.user.upsert({
      where: { id: "local" },
      update: {},
      create: { id: "local", name: "Local" },
    });
    await db.prisma.deckSettings.create({ data: { userId: "local", deckId, quizMode, studyReversed } });
  };
  const cardByFront = (front: string) => db.prisma.card.findFirstOrThrow({ where: { deckId, front } });

  describe.each([390, 1280])("at %i px", (width) => {
    let page: Page;
    beforeEach(async () => {
      page = await browser.newPage({ viewport: { width, height: 844 } });
    });

    it("switches the mode on the study page, saves it for the deck and keeps it across a reload", async () => {
      await page.goto(studyUrl);
      await page.waitForSelector(visibleCard);
      await expect(page.getByRole("radio", { name: /^Flip/ }).isChecked()).resolves.toBe(true);
      expect(await page.locator("[data-quiz]").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await page.locator("[data-mode-switcher] label").filter({ hasText: /^Type/ }).click();
      await page.waitForSelector("[data-study-ready] [data-quiz=typed] input");
      await expect
        .poll(() => page.locator("[data-mode-switcher] [role=status]").innerText())
        .toBe("Quiz mode: Type.");
      const row = await db.prisma.deckSettings.findUniqueOrThrow({
        where: { userId_deckId: { userId: "local", deckId } },
      });
      expect(row.quizMode).toBe("typed");

      await page.reload();
      await page.waitForSelector("[data-study-ready] [data-quiz=typed] input");
      await expect(page.getByRole("radio", { name: /^Type/ }).isChecked()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it("typed: a near answer shows the comparison and suggests Hard; the learner grades Good instead", async () => {
      await setMode("typed");
      await page.goto(studyUrl);
      const input = page.getByLabel("Type the answer, then press Enter");
      await input.waitFor();
      await page.waitForSelector(visibleCard);
      expect(await page.locator(visibleCard).innerText()).toContain("France");
      expect(await axeViolations(page)).toEqual([]);

      // Digits typed in the answer are text, not grades.
      await input.press("3");
      await expect(input.inputValue()).resolves.toBe("3");
      expect(await page.locator(visibleCard).getAttribute("data-revealed")).toBe("false");
      await input.fill("Pari");
      await input.press("Enter");
      await page.waitForSelector("[data-comparison]");
      expect(await page.locator("[data-diff=missing]").allInnerTexts()).toEqual(["s"]);
      expect(await page.locator("[data-diff=wrong]").count()).toBe(0);
      const suggested = page.locator("[data-suggested]");
      await expect(suggested.getAttribute("data-grade")).resolves.toBe("2");
      await expect(suggested.innerText()).resolves.toMatch(/Suggested\s+Hard/i);
      await expect(page.locator("[data-quiz=typed] [role=status]").innerText()).resolves.toBe(
        "Close: 1 missing character. The answer is Paris. Suggested grade: Hard.",
      );
      // The suggestion has focus: Enter would take it. The learner overrides with 3 (Good).
      await expect(page.evaluate(() => document.activeElement?.getAttribute("data-grade"))).resolves.toBe(
        "2",
      );
      expect(await axeViolations(page)).toEqual([]);

      const france = await cardByFront("France");
      await page.keyboard.press("3");
      await expect.poll(() => page.locator(visibleCard).innerText()).not.toContain("France");
      await waitForSaves(page);
      const log = await db.prisma.reviewLog.findFirstOrThrow({ where: { cardId: france.id } });
      expect(log.rating).toBe(3);
      // The next card is ready to type.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
      await page.close();
    });

    it("choice: key 2 picks an option, right or wrong is shown, and the grade suggested is then chosen", async () => {
      await setMode("choice");
      await page.goto(studyUrl);
      await page.waitForSelector("[data-study-ready] [data-quiz=choice] button");
      const options = await page.locator("[data-quiz=choice] button").allInnerTexts();
      expect(options).toHaveLength(4);
      const texts = options.map((option) => option.replace(/^\d\s*/, "").trim());
      expect(texts).toContain("Paris");
      expect(new Set(texts).size).toBe(4);
      expect(await axeViolations(page)).toEqual([]);

      const rightIndex = texts.indexOf("Paris");
      await page.keyboard.press("2");
      await page.waitForSelector("[data-quiz=choice] li[data-right]");
      expect(await page.locator(visibleCard).getAttribute("data-revealed")).toBe("true");
      await expect(page.locator("li[data-right]").innerText()).resolves.toContain("Right answer");
      const right = rightIndex === 1;
      await expect(page.locator("[data-suggested]").getAttribute("data-grade")).resolves.toBe(
        right ? "3" : "1",
      );
      await expect(page.locator("[data-quiz=choice] [role=status]").innerText()).resolves.toBe(
        right ? "Right. Suggested grade: Good." : "Wrong: the answer is Paris. Suggested grade: Again.",
      );
      if (!right) await expect(page.locator("li[data-picked]").innerText()).resolves.toContain("Your choice");
      expect(await axeViolations(page)).toEqual([]);

      // The same keys now grade: the suggested one.
      const france = await cardByFront("France");
      // The focused suggestion is hidden, not removed, by the grade: removing a focused element makes
      // Chromium lay out the page inside the key handler, which delayed the next card by up to 60 ms.
      await page.evaluate(() => {
        (window as unknown as { focusedBeforeGrade: Element | null }).focusedBeforeGrade =
          document.activeElement;
      });
      await page.keyboard.press(right ? "3" : "1");
      await expect.poll(() => page.locator(visibleCard).innerText()).not.toContain("France");
      await expect(
        page.evaluate(() => {
          const focused = (window as unknown as { focusedBeforeGrade: Element | null }).focusedBeforeGrade;
          return [
            focused?.getAttribute("data-grade"),
            focused?.isConnected,
            focused?.closest("[hidden]") !== null,
          ];
        }),
      ).resolves.toEqual([right ? "3" : "1", true, true]);
      await expect(page.getByRole("button", { name: "Show answer" }).isVisible()).resolves.toBe(true);
      await waitForSaves(page);
      const log = await db.prisma.reviewLog.findFirstOrThrow({ where: { cardId: france.id } });
      expect(log.rating).toBe(right ? 3 : 1);
      await page.close();
    });

    it("reversed: turned on for the deck, a term card is asked definition -> term", async () => {
      await page.goto(studyUrl);
      await page.waitForSelector(visibleCard);
      await expect(page.locator("[aria-label='Cards left']").innerText()).resolves.toMatch(/^7 new/);
      await page.getByRole("checkbox", { name: /Terms both ways/ }).check();
      await expect.poll(() => page.locator("[aria-label='Cards left']").innerText()).toMatch(/^12 new/);
      await expect(page.getByRole("checkbox", { name: /Terms both ways/ }).isChecked()).resolves.toBe(true);

      // The term cards themselves already learnt: the reverse cards come first.
      const forward = await db.prisma.card.findMany({
        where: { deckId, NOT: { key: { endsWith: "#reverse" } } },
      });
      const due = new Date(Date.now() + 10 * 86_400_000);
      for (const card of forward)
        await db.prisma.cardState.create({
          data: {
            userId: "local",
            cardId: card.id,
            deckId: card.deckId,
            due,
            stability: 10,
            difficulty: 5,
            elapsed_days: 0,
            scheduled_days: 10,
            learning_steps: 0,
            reps: 1,
            lapses: 0,
            state: 2,
            last_review: new Date(),
            version: 1,
          },
        });
      await page.reload();
      await page.waitForSelector(visibleCard);
      const card = page.locator(visibleCard);
      await expect(card.locator("[data-side=front]").innerText()).resolves.toBe("Paris");
      await expect(page.locator("[data-reverse-hint]").innerText()).resolves.toMatch(/Definition → term/);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Space");
      await expect.poll(() => card.getAttribute("data-revealed")).toBe("true");
      await expect(card.locator("[data-side=back]").innerText()).resolves.toBe("France");
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("3");
      await waitForSaves(page);
      const reverse = await db.prisma.card.findFirstOrThrow({
        where: { deckId, key: { endsWith: "#reverse" }, front: "Paris" },
      });
      expect(await db.prisma.reviewLog.count({ where: { cardId: reverse.id } })).toBe(1);
      await page.close();
    });
  });
});
