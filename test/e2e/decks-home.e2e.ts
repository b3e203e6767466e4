import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBrowserDeck } from "@/app/lib/browser-decks/save-browser-deck";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// Decks the learner manages and a home page that orients (issue 9, items 1 and 6), on the production
// build at phone and desktop width: a welcome before the first review, today's figures after
// grading, delete with a confirmation -> gone from home -> restored from the trash, rename, a file
// removed from the notes folder retiring its deck and returning with its history, and home
// refreshing by itself when a file is added. axe finds nothing on each page and state.

const shots = process.env.SHOTS_DIR ?? "test-results";

const cells = `# Cells

- What is the powerhouse of the cell?
  The mitochondria
- What holds the DNA?
  The nucleus
`;
const atoms = `# Atoms

- What is in the nucleus of an atom?
  Protons and neutrons
- What orbits the nucleus?
  Electrons
- What is the charge of an electron?
  Negative
`;

const viewports = [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;

describe.each(viewports)("decks and home at %s width", (device, viewport) => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;
  let pastedSlug: string;

  /** axe on the current page, in light and dark, with a screenshot of each. */
  async function check(name: string) {
    mkdirSync(shots, { recursive: true });
    // A page refreshed by a live update renders its metadata again: axe once its title is back.
    await expect.poll(() => page.title()).not.toBe("");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), `${name} ${device} ${scheme}`).toEqual([]);
      await page.screenshot({
        path: path.join(shots, `decks-${name}-${device}-${scheme}.png`),
        fullPage: true,
      });
    }
    await page.emulateMedia({ colorScheme: "light" });
  }

  /** Waits until the page's live-update stream is open (it starts a moment after load). */
  const streaming = () => page.waitForRequest((request) => request.url().includes("/api/events"));

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-decks-e2e-"));
    writeFileSync(path.join(contentDir, "cells.md"), cells);
    writeFileSync(path.join(contentDir, "atoms.md"), atoms);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    pastedSlug = (
      await addBrowserDeck(
        db.prisma,
        { markdown: "# Pasted\n\n- What is osmosis?\n  Water crossing a membrane\n" },
        new Date(),
        "local",
      )
    ).slug;
    page = await browser.newPage({ viewport });
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  it("welcomes a first visit with how notes become cards, and links to add and to study", async () => {
    await page.goto(app.baseUrl);
    const welcome = page.getByRole("region", { name: "Welcome to Notecards" });
    expect(await welcome.innerText()).toMatch(/\*\*Osmosis\*\*: water[\s\S]*ATP :: /);
    expect(await welcome.getByRole("link", { name: "Add a deck" }).getAttribute("href")).toBe("/decks/new");
    expect(await welcome.getByRole("link", { name: /^Study / }).getAttribute("href")).toMatch(/\/study$/);
    // The header's links share one row: beside the name on a desktop, under it on a phone (they
    // used to wrap ragged, Settings alone on a second row).
    const nav = page.getByRole("navigation", { name: "Main" });
    const tops = await Promise.all(
      ["Notecards", "Study all", "Add deck", "Stats", "Settings"].map(async (name) =>
        Math.round((await nav.getByRole("link", { name, exact: false }).first().boundingBox())!.y),
      ),
    );
    const [brand, ...links] = tops;
    expect(new Set(links).size).toBe(1);
    if (device === "phone") expect(links[0]).toBeGreaterThan(brand!);
    else expect(links[0]).toBeLessThanOrEqual(brand! + 8);
    await check("welcome");
  });

  it("shows today's figures after grading, in place of the welcome", async () => {
    await page.goto(`${app.baseUrl}/decks/cells/study`);
    await page.waitForSelector("[data-study-ready] article[data-card-id]:not([hidden])");
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
    expect(await db.prisma.reviewLog.count()).toBe(1);

    await page.goto(app.baseUrl);
    expect(await page.getByRole("region", { name: "Welcome to Notecards" }).count()).toBe(0);
    expect(await page.getByTestId("reviewed-today").innerText()).toBe("1");
    expect(await page.getByTestId("streak").innerText()).toBe("1 day");
    expect(await page.getByTestId("due-today").innerText()).toBe("0");
    // A new card graded Good waits for its 10-minute learning step.
    expect(await page.getByTestId("next-due").innerText()).toMatch(/Next review in (9|10) minutes/);
    await check("home");
  });

  it("deletes a deck after a confirmation naming what is lost, and restores it from the trash", async () => {
    await page.goto(`${app.baseUrl}/decks/atoms`);
    await page.getByRole("button", { name: "Delete deck" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Atoms”?" });
    const text = await dialog.innerText();
    expect(text).toMatch(/3 cards go to the trash; you can restore it for 30 days/);
    expect(text).toMatch(/atoms\.md stays in your notes folder/);
    await check("delete-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await db.prisma.deck.count({ where: { deletedAt: { not: null } } })).toBe(0);

    await page.getByRole("button", { name: "Delete deck" }).click();
    await dialog.getByRole("button", { name: "Move to trash" }).click();
    await page.waitForURL(/\/\?trashed=atoms$/);
    const main = page.locator("main");
    expect(await main.getByRole("link", { name: "Atoms", exact: true }).count()).toBe(0);
    expect(await main.getByRole("status").first().innerText()).toMatch(/“Atoms” is in the trash/);

    await main.getByRole("link", { name: "Trash", exact: true }).click();
    await page.waitForURL(/\/trash$/);
    expect(await main.innerText()).toMatch(
      /Atoms[\s\S]*3 cards, 0 reviews[\s\S]*Deleted for good in 30 days/,
    );
    await check("trash");
    await main.getByRole("button", { name: "Restore Atoms" }).click();
    await page.waitForURL(/\/decks\/atoms$/);
    await page.goto(app.baseUrl);
    expect(await main.getByRole("link", { name: "Atoms", exact: true }).count()).toBe(1);
  });

  it("renames a browser-added deck, keeping its address, and says what is wrong with a bad name", async () => {
    await page.goto(`${app.baseUrl}/decks/${pastedSlug}`);
    await page.getByText("Rename", { exact: true }).click();
    const name = page.getByLabel("Deck name");
    await name.fill("   ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: /./ }).allInnerTexts())
      .toContain("Give the deck a name.");
    await check("rename");
    await name.fill("Membranes and osmosis");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Membranes and osmosis");
    expect(new URL(page.url()).pathname).toBe(`/decks/${pastedSlug}`);
  });

  it("retires a deck whose file is removed and brings it back with its history when the file returns", async () => {
    const file = path.join(contentDir, "cells.md");
    const reviews = await db.prisma.reviewLog.count({ where: { card: { deck: { slug: "cells" } } } });
    expect(reviews).toBe(1);
    const live = streaming();
    await page.goto(`${app.baseUrl}/decks/cells`);
    await live;
    await unlink(file);
    // The open page says so by itself (the watcher retires it, the page refreshes).
    await expect
      .poll(() => page.locator("main").innerText(), { timeout: 10_000 })
      .toMatch(/The file \S*cells\.md is missing[\s\S]*hidden from study until it comes back/);
    expect(await page.getByRole("link", { name: "Study Cells" }).count()).toBe(0);
    await check("missing");
    await page.goto(`${app.baseUrl}/decks/cells/study`);
    await page.waitForURL(/\/decks\/cells$/);
    await page.goto(app.baseUrl);
    expect(await page.locator("main").innerText()).toMatch(/file missing, hidden from study/);

    const back = streaming();
    await page.goto(`${app.baseUrl}/decks/cells`);
    await back;
    await writeFile(file, cells);
    await expect
      .poll(() => page.getByRole("link", { name: "Study Cells" }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.locator("main").innerText()).not.toMatch(/is missing/);
    expect(await db.prisma.reviewLog.count({ where: { card: { deck: { slug: "cells" } } } })).toBe(reviews);
    expect(await page.locator("main").innerText()).toMatch(/studied/);
  });

  it("refreshes home by itself when a file is added to the notes folder", async () => {
    const live = streaming();
    await page.goto(app.baseUrl);
    await live;
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await writeFile(path.join(contentDir, "genes.md"), "# Genes\n\n- What carries a gene?\n  DNA\n");
    await expect
      .poll(() => page.locator("main").getByRole("link", { name: "Genes", exact: true }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });
});
