import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";

// The settings page's doors into the Anki, export and backup code: every download is a real file,
// an Anki package uploaded in the browser becomes a deck, and a restore that would merge histories is
// refused with the reason shown.

const cells = `# Cells

- What is the powerhouse of the cell?
  The mitochondria
- What holds the DNA?
  The nucleus
`;

describe("settings: export, Anki import, backup", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-settings-e2e-"));
    writeFileSync(path.join(contentDir, "cells.md"), cells);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    db = await openDatabaseFor(app);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await db?.close();
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  it("downloads a deck as markdown, CSV and an Anki package, and a backup", async () => {
    await page.goto(`${app.baseUrl}/settings`);
    const href = async (name: string) =>
      `${app.baseUrl}${await page.getByRole("link", { name }).getAttribute("href")}`;

    const markdown = await page.request.get(await href("Cells as Markdown"));
    expect(markdown.status()).toBe(200);
    expect(markdown.headers()["content-disposition"]).toMatch(/^attachment; filename="cells\.md"/);
    expect(await markdown.text()).toContain("The mitochondria");

    const csv = await page.request.get(await href("Cells as CSV"));
    expect(await csv.text()).toMatch(/^front,back,kind,context,line/);

    const apkg = await page.request.get(await href("Cells as Anki"));
    expect(apkg.status()).toBe(200);
    expect((await apkg.body()).subarray(0, 2).toString()).toBe("PK");

    const backup = await page.request.get(
      `${app.baseUrl}${await page.getByRole("link", { name: "Download a backup" }).getAttribute("href")}`,
    );
    const json = (await backup.json()) as { format: string; decks: { slug: string }[] };
    expect(json.format).toBe("notecards-backup");
    expect(json.decks.map((deck) => deck.slug)).toEqual(["cells"]);
  });

  it("is reached from the header, and a deck's own page offers its exports and how to edit it", async () => {
    await page.goto(app.baseUrl);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/settings$/);

    await page.goto(`${app.baseUrl}/decks/cells`);
    const markdown = await page.request.get(
      `${app.baseUrl}${await page.getByRole("link", { name: "Cells as Markdown" }).getAttribute("href")}`,
    );
    expect(await markdown.text()).toContain("The mitochondria");
    await page.getByRole("link", { name: "How to edit" }).click();
    await page.waitForURL(/\/decks\/cells\/edit$/);
    expect(await page.locator("main").innerText()).toMatch(/cells\.md[\s\S]*your own editor/);
  });

  it("imports an uploaded Anki package as a deck and opens it", async () => {
    const apkg = await page.request.get(`${app.baseUrl}/api/decks/cells/export?format=apkg`);
    await page.goto(`${app.baseUrl}/settings`);
    await page.getByLabel("Anki package (.apkg)").setInputFiles({
      name: "Biology.apkg",
      mimeType: "application/octet-stream",
      buffer: await apkg.body(),
    });
    await page.getByRole("button", { name: "Import package" }).click();
    await page.waitForURL(/\/decks\/(?!cells$)[a-z0-9-]+$/);
    const slug = new URL(page.url()).pathname.split("/").pop()!;
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { slug }, include: { cards: true } });
    expect(deck.sourcePath).toBe("anki:Biology.apkg");
    expect(deck.cards.map((card) => card.back).sort()).toEqual(["The mitochondria", "The nucleus"]);
    // Its page names the package and offers no editing: there is no markdown or notes file behind it.
    const main = page.locator("main");
    expect(await main.innerText()).toContain("Imported from Biology.apkg");
    expect(await main.getByRole("link", { name: /edit/i }).count()).toBe(0);
  });

  it("refuses to restore a backup over existing data and says why", async () => {
    const backup = await page.request.get(`${app.baseUrl}/api/backup`);
    await page.goto(`${app.baseUrl}/settings`);
    await page.getByLabel("Backup file (.json)").setInputFiles({
      name: "backup.json",
      mimeType: "application/json",
      buffer: await backup.body(),
    });
    await page.getByRole("button", { name: "Restore backup" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: /./ }).innerText())
      .toMatch(/empty database/);
  });

  it("has no axe violations and looks right at phone and desktop widths", async () => {
    mkdirSync("test-results", { recursive: true });
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${app.baseUrl}/settings`);
        expect(await axeViolations(page), `${device} ${scheme}`).toEqual([]);
        await page.screenshot({ path: `test-results/settings-${device}-${scheme}.png`, fullPage: true });
      }
    }
  });
});
