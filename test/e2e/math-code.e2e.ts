import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Math and code on cards, on the production build: KaTeX (with its fonts, served by the app) and
// highlighted code on the study page, the deck page and the add-deck preview; a deck with neither
// loads no KaTeX stylesheet or font and no highlighter; no CSP errors; no axe violations.

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test/fixtures/formats/math-code.md");

const plainDeck = `# Plain words

**Cat**: a small domesticated feline
**Dog**: a domesticated canine, kept as a \`pet\`
`;

const viewports = [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;

const schemes = ["light", "dark"] as const;

const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";

// Strings only KaTeX's and highlight.js's code hold: a script carrying one is their chunk.
const heavyScriptMarkers = ["KaTeX parse error", "Could not find the language"];

/** Every request a page makes, the scripts it ran, and the CSP errors it logged, from here on. */
function watch(page: Page) {
  const requests: string[] = [];
  const scripts: Promise<string>[] = [];
  const cspErrors: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
  });
  return { requests, scripts, cspErrors };
}

/** Names of the KaTeX fonts the document has loaded. */
function loadedKatexFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((font) => font.family.includes("KaTeX") && font.status === "loaded")
      .map((font) => font.family);
  });
}

describe("math and code on cards", () => {
  let app: RunningApp;
  let browser: Browser;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-math-e2e-"));
    copyFileSync(fixture, path.join(contentDir, "math-code.md"));
    // A fresh copy to study at each width and scheme, so each session starts with all its cards new.
    for (const [device] of viewports) {
      for (const scheme of schemes)
        copyFileSync(fixture, path.join(contentDir, `study-${device}-${scheme}.md`));
    }
    writeFileSync(path.join(contentDir, "plain-words.md"), plainDeck);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    mkdirSync("test-results", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  async function newPage(viewport: { width: number; height: number }, colorScheme: "light" | "dark") {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    return { page, seen: watch(page), close: () => context.close() };
  }

  for (const [device, viewport] of viewports) {
    for (const scheme of schemes) {
      it(`renders math with KaTeX's fonts and highlighted code on the study page (${device}, ${scheme})`, async () => {
        const { page, seen, close } = await newPage(viewport, scheme);
        await page.goto(`${app.baseUrl}/decks/study-${device}-${scheme}/study`);
        await page.waitForSelector(visibleCard);
        // Through the deck's five new cards: inline math, display math and highlighted code, and a
        // formula wider than a phone, which scrolls inside the card rather than widening the page.
        const seenOnCards = new Set<string>();
        for (let shown = 0; shown < 5; shown++) {
          await page.keyboard.press("Space");
          const card = page.locator(visibleCard);
          await expect.poll(() => card.getAttribute("data-revealed")).toBe("true");
          const before = seenOnCards.size;
          if ((await card.locator(".katex").count()) > 0) seenOnCards.add("math");
          if ((await card.locator(".katex-display").count()) > 0) seenOnCards.add("display math");
          if ((await card.locator("pre code.hljs .hljs-keyword").count()) > 0) seenOnCards.add("code");
          expect(await card.locator(".katex em, em .katex").count()).toBe(0);
          const annotations = await card.locator("math annotation").allTextContents();
          if (annotations.includes("a_1 * b_1 + a_2 * b_2")) seenOnCards.add("a_1 * b_1 whole");
          if (seenOnCards.size > before || shown === 4) {
            expect(await axeViolations(page), `card ${shown}`).toEqual([]);
            await page.screenshot({ path: `test-results/math-study-${device}-${scheme}-${shown}.png` });
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
            viewport.width,
          );
          const id = await card.getAttribute("data-card-id");
          await page.keyboard.press("3");
          await expect.poll(() => page.locator(visibleCard).getAttribute("data-card-id")).not.toBe(id);
        }
        expect([...seenOnCards].sort()).toEqual(["a_1 * b_1 whole", "code", "display math", "math"]);
        expect(await loadedKatexFonts(page)).toContain("KaTeX_Main");
        expect(seen.requests.some((request) => /^\/katex\/[\d.]+\/katex\.min\.css$/.test(request))).toBe(
          true,
        );
        expect(
          seen.requests.some((request) =>
            /^\/katex\/[\d.]+\/fonts\/KaTeX_Main-Regular\.woff2$/.test(request),
          ),
        ).toBe(true);
        expect(seen.cspErrors).toEqual([]);
        await close();
      });
    }

    it(`shows math and highlighted code on the deck page (${device})`, async () => {
      for (const scheme of schemes) {
        const { page, seen, close } = await newPage(viewport, scheme);
        await page.goto(`${app.baseUrl}/decks/math-code`);
        expect(await page.locator("main .katex").count()).toBeGreaterThanOrEqual(4);
        expect(await page.locator("main .katex-display").count()).toBe(2);
        // The binomial theorem is wider than a phone: it scrolls inside its card, the page does not.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        expect(await page.locator("main pre code.hljs .hljs-comment").innerText()).toBe(
          "# only the positive ones",
        );
        expect(await loadedKatexFonts(page)).toContain("KaTeX_Main");
        // The code colours are applied: a keyword is not the block's plain text colour.
        const [keyword, plain] = await page.evaluate(() => {
          const code = document.querySelector("main pre code.hljs")!;
          return [getComputedStyle(code.querySelector(".hljs-keyword")!).color, getComputedStyle(code).color];
        });
        expect(keyword).not.toBe(plain);
        expect(await axeViolations(page), `${device} ${scheme}`).toEqual([]);
        await page.screenshot({ path: `test-results/math-deck-${device}-${scheme}.png`, fullPage: true });
        expect(seen.cspErrors).toEqual([]);
        await close();
      }
    });

    it(`previews math and highlighted code while adding a deck (${device})`, async () => {
      for (const scheme of schemes) {
        const { page, seen, close } = await newPage(viewport, scheme);
        await page.goto(`${app.baseUrl}/decks/new`);
        await page
          .getByLabel("Markdown")
          .fill(readFileSync(fixture, "utf8").replace("# Maths and code", "# Preview maths"));
        const preview = page.getByRole("region", { name: "Preview" });
        await expect
          .poll(() => preview.locator(".katex").count(), { timeout: 15_000 })
          .toBeGreaterThanOrEqual(4);
        await expect.poll(() => preview.locator("pre code.hljs .hljs-keyword").count()).toBeGreaterThan(0);
        expect(await loadedKatexFonts(page)).toContain("KaTeX_Main");
        expect(await axeViolations(page), `${device} ${scheme}`).toEqual([]);
        await page.screenshot({ path: `test-results/math-preview-${device}-${scheme}.png`, fullPage: true });
        expect(seen.cspErrors).toEqual([]);
        await close();
      }
    });

    it(`loads no KaTeX or highlighter for a deck without math or code (${device})`, async () => {
      const { page, seen, close } = await newPage(viewport, "light");
      await page.goto(`${app.baseUrl}/decks/plain-words/study`);
      await page.waitForSelector(visibleCard);
      await page.keyboard.press("Space");
      await page.goto(`${app.baseUrl}/decks/plain-words`);
      await expect(page.locator("main").innerText()).resolves.toContain("a small domesticated feline");
      await page.goto(`${app.baseUrl}/decks/new`);
      await page.getByLabel("Markdown").fill(plainDeck.replace("# Plain words", "# Plain preview"));
      await expect.poll(() => page.getByRole("region", { name: "Preview" }).innerText()).toContain("2 cards");

      expect(
        seen.requests.filter((request) => /katex|code-highlight|\.woff2?$|\.ttf$/.test(request)),
      ).toEqual([]);
      expect(await page.locator("link[href*=katex], link[href*=code-highlight]").count()).toBe(0);
      const scripts = await Promise.all(seen.scripts);
      expect(scripts.length).toBeGreaterThan(0);
      for (const marker of heavyScriptMarkers) {
        expect(
          scripts.filter((script) => script.includes(marker)),
          marker,
        ).toEqual([]);
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(seen.cspErrors).toEqual([]);
      await close();
    });
  }
});
