import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/app/lib/database/client";
import { launchBrowser } from "./support/browser";
import { openDatabaseFor, startApp, type RunningApp } from "./support/server";
import { axeViolations } from "./support/axe";
import { notReverseCard } from "@/app/lib/study/quiz-mode";
import { generateDeck } from "@/test/fixtures/import/generate-deck";

// Adding a deck in the browser on the production build: the live preview (cards grouped by heading,
// warnings at their lines), saving through the importer, studying the new deck, and editing it with
// the importer's identity rules (an edited answer keeps the card and its progress, a removed card
// retires).

const markdown = `# Cell biology

## Organelles
- What is the powerhouse of the cell?
  The mitochondria
- What builds proteins?
  The ribosome
- What is a vacuole?

## Genetics
- What carries genetic information?
  DNA
`;

// Only once the session is hydrated: a key pressed before that does nothing.
const visibleCard = "[data-study-ready] article[data-card-id]:not([hidden])";

describe("add a deck in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let db: OpenDatabase;
  let contentDir: string;
  let page: Page;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-add-deck-e2e-"));
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

  it("previews pasted markdown grouped by heading with a warning at its line, saves it, and studies a card", async () => {
    await page.goto(`${app.baseUrl}/decks/new`);
    await page.getByLabel("Markdown").fill(markdown);

    const preview = page.getByRole("region", { name: "Preview" });
    await expect.poll(() => preview.getByText("3 cards · 1 warning").count()).toBe(1);
    const organelles = preview.getByRole("region", { name: "Organelles" });
    const genetics = preview.getByRole("region", { name: "Genetics" });
    expect(await organelles.getByRole("listitem").count()).toBe(2);
    expect(await genetics.getByRole("listitem").count()).toBe(1);
    await expect(organelles.innerText()).resolves.toContain("What is the powerhouse of the cell?");
    await expect(genetics.innerText()).resolves.toContain("DNA");
    const warning = await preview.getByRole("list", { name: "Warnings" }).innerText();
    expect(warning).toMatch(/Line 8:.*What is a vacuole\?.*no answer/);

    await page.getByRole("button", { name: "Save deck" }).click();
    await page.waitForURL(`${app.baseUrl}/decks/cell-biology`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Cell biology");
    await expect(page.locator("main").innerText()).resolves.toContain("What carries genetic information?");
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { slug: "cell-biology" } });
    expect(deck.sourcePath).toBe("browser:cell-biology");
    expect(deck.source).toBe(markdown);

    await page.goto(`${app.baseUrl}/decks/cell-biology/study`);
    await page.waitForSelector(visibleCard);
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await expect.poll(() => page.locator("[data-testid=save-status]").count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => db.prisma.reviewLog.count({ where: { card: { deckId: deck.id } } })).toBe(1);
  });

  it("edits the deck's markdown: an edited answer keeps its card and progress, a removed card retires", async () => {
    const before = await db.prisma.card.findMany({
      where: { deck: { slug: "cell-biology" } },
      include: { states: true },
    });
    const studied = before.find((card) => card.states.length > 0);
    expect(studied).toBeDefined();

    await page.goto(`${app.baseUrl}/decks/cell-biology/edit`);
    const field = page.getByLabel("Markdown");
    expect(await field.inputValue()).toBe(markdown);
    // Every answer edited, the Genetics card removed.
    const edited = markdown
      .replace("The mitochondria", "Mitochondria, which make ATP")
      .replace("The ribosome", "Ribosomes, on the rough ER")
      .replace(/## Genetics[\s\S]*$/, "");
    await field.fill(edited);
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).getByText("2 cards · 1 warning").count())
      .toBe(1);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(`${app.baseUrl}/decks/cell-biology`);

    const after = await db.prisma.card.findMany({
      where: { deck: { slug: "cell-biology" } },
      include: { states: true },
    });
    expect(after.map((card) => card.id).sort()).toEqual(before.map((card) => card.id).sort());
    const kept = after.find((card) => card.id === studied!.id)!;
    expect(kept.states).toHaveLength(1);
    expect(kept.back).not.toBe(studied!.back);
    expect(after.find((card) => card.front.includes("genetic information"))?.retiredAt).not.toBeNull();
  });

  it("adds .md files from the file picker and by dropping them on the page, each previewed, all saved", async () => {
    await page.goto(`${app.baseUrl}/decks/new`);
    await page.getByLabel("Choose .md files").setInputFiles([
      {
        name: "atoms.md",
        mimeType: "text/markdown",
        buffer: Buffer.from("# Atoms\n\n- What is at the centre of an atom?\n  The nucleus\n"),
      },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not markdown") },
    ]);
    await expect
      .poll(() => page.getByRole("status").innerText())
      .toMatch(/Added atoms\.md\. Skipped notes\.txt/);
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).innerText())
      .toMatch(/Atoms[\s\S]*1 card/);

    // A drop anywhere on the page: the overlay shows while dragging, the file becomes a second deck.
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(["# Energy\n\n- What does ATP store?\n  Chemical energy\n"], "energy.md", {
          type: "text/markdown",
        }),
      );
      document.body.dispatchEvent(new DragEvent("dragenter", { dataTransfer: transfer, bubbles: true }));
    });
    await expect.poll(() => page.getByText("Drop .md files to add them").count()).toBe(1);
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(["# Energy\n\n- What does ATP store?\n  Chemical energy\n"], "energy.md", {
          type: "text/markdown",
        }),
      );
      document.body.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    });
    await expect.poll(() => page.getByText("Drop .md files to add them").count()).toBe(0);
    const tabs = page.getByRole("list", { name: "Decks to add" });
    await expect.poll(() => tabs.getByRole("button", { pressed: true }).innerText()).toBe("energy.md");
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).innerText())
      .toContain("What does ATP store?");
    await tabs.getByRole("button", { name: "atoms.md", exact: true }).click();
    await expect.poll(() => page.getByLabel("Markdown").inputValue()).toContain("# Atoms");

    await page.getByRole("button", { name: "Save 2 decks" }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    const decks = await db.prisma.deck.findMany({
      where: { slug: { in: ["atoms", "energy"] } },
      orderBy: { slug: "asc" },
    });
    expect(decks.map((deck) => [deck.slug, deck.sourcePath])).toEqual([
      ["atoms", "browser:atoms"],
      ["energy", "browser:energy"],
    ]);
  });

  it("saves pasted markdown even without JavaScript (the form posts to the Server Action)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      await plain.goto(`${app.baseUrl}/decks/new`);
      await plain.getByLabel("Markdown").fill("# Plain\n\n- What needs no script?\n  This form\n");
      await plain.getByRole("button", { name: "Save deck" }).click();
      await plain.waitForURL(`${app.baseUrl}/decks/plain`);
      expect(await db.prisma.card.count({ where: { deck: { slug: "plain" } } })).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("explains that a deck from the notes folder is edited in its file", async () => {
    await db.prisma.deck.create({
      data: { slug: "from-file", title: "From a file", sourcePath: "content/from-file.md" },
    });
    await page.goto(`${app.baseUrl}/decks/from-file/edit`);
    await expect(page.locator("main").innerText()).resolves.toMatch(
      /content\/from-file\.md[\s\S]*your own editor/,
    );
    expect(await page.getByLabel("Markdown").count()).toBe(0);
  });

  it("marks cards made from bold or code in prose, and leaves them out when the front matter says facts: false", async () => {
    await page.goto(`${app.baseUrl}/decks/new`);
    const prose =
      "# Git\n\n- What does `git status` show?\n  The files that changed.\n\nUse `git add -p` to stage **part of a file**.\n";
    await page.getByLabel("Markdown").fill(prose);
    const preview = page.getByRole("region", { name: "Preview" });
    await expect.poll(() => preview.getByText("2 cards").count()).toBe(1);
    expect(await preview.getByText("fact from prose").count()).toBe(1);
    await expect
      .poll(() => preview.getByText(/1 card comes from bold or code in your prose/).count())
      .toBe(1);
    await page.getByLabel("Markdown").fill(`---\nfacts: false\n---\n${prose}`);
    await expect.poll(() => preview.getByText("1 card", { exact: true }).count()).toBe(1);
    expect(await preview.getByText("fact from prose").count()).toBe(0);
  });

  it("shows why a deck cannot be saved in the live region, and stores nothing", async () => {
    await page.goto(`${app.baseUrl}/decks/new`);
    await page.getByLabel("Markdown").fill("# Just a title\n\nNo cards here.\n");
    await page.getByRole("button", { name: "Save deck" }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toMatch(/has no cards/);
    expect(await db.prisma.deck.count({ where: { slug: "just-a-title" } })).toBe(0);
  });

  it("refuses markdown over the save limit with its own message, not the error page", async () => {
    // 1.1 MB, past the 1 MB a Server Action takes; inside a code block, so the preview stays quick.
    const big = `# Big notes\n\n\`\`\`\n${"a line of a long log that holds no card at all\n".repeat(23_000)}\`\`\`\n`;
    await page.goto(`${app.baseUrl}/decks/new`);
    await page
      .getByLabel("Choose .md files")
      .setInputFiles({ name: "big.md", mimeType: "text/markdown", buffer: Buffer.from(big) });
    await expect.poll(() => page.getByRole("status").innerText()).toBe("Added big.md.");
    await page.getByRole("button", { name: "Save deck" }).click();
    await expect
      .poll(() => page.getByRole("status").innerText())
      .toMatch(
        /^That is \d+ KB of markdown, more than the 900 KB one save can take: add the files a few at a time\.$/,
      );
    expect(page.url()).toBe(`${app.baseUrl}/decks/new`);
    expect(await page.getByText("Something went wrong").count()).toBe(0);
    expect(await page.getByLabel("Markdown").getAttribute("aria-invalid")).toBe("true");
    expect(await db.prisma.deck.count({ where: { title: "Big notes" } })).toBe(0);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/add-deck-over-limit.png" });
  });

  it("saves a large file, read in a worker thread off the server's own", async () => {
    // 48 KB: over the 32 KB from which the server parses in its worker (app/lib/import/parse-off-thread.ts).
    const large = generateDeck(600, "Large notes");
    await page.goto(`${app.baseUrl}/decks/new`);
    await page
      .getByLabel("Choose .md files")
      .setInputFiles({ name: "large.md", mimeType: "text/markdown", buffer: Buffer.from(large.markdown) });
    await expect.poll(() => page.getByRole("status").innerText()).toBe("Added large.md.");
    await page.getByRole("button", { name: "Save deck" }).click();
    // An uploaded file's deck is named after the file.
    await page.waitForURL(`${app.baseUrl}/decks/large`);
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { slug: "large" } });
    expect(await db.prisma.card.count({ where: { deckId: deck.id, ...notReverseCard } })).toBe(large.cards);
  });

  it("has no axe violations with a preview showing, and looks right at phone and desktop widths", async () => {
    mkdirSync("test-results", { recursive: true });
    for (const [device, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${app.baseUrl}/decks/new`);
        await page.getByLabel("Markdown").fill(markdown);
        await expect.poll(() => page.getByText("3 cards · 1 warning").count()).toBe(1);
        expect(await axeViolations(page), `${device} ${scheme}`).toEqual([]);
        await page.screenshot({ path: `test-results/add-deck-${device}-${scheme}.png`, fullPage: true });
      }
    }
  });
});
