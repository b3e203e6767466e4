import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  importDeckSource,
  importFile,
  importFolder,
  ImportError,
  listMarkdownFiles,
  recordImportError,
} from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const card = (question: string) => `- **${question}?**\n\n  An answer.\n`;

function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

describe.each(testProviders)("importFolder on %s", (provider) => {
  let db: TestDatabase;
  let root: string;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
    root = mkdtempSync(path.join(os.tmpdir(), "notecards-folder-"));
  });
  afterEach(async () => {
    await db?.destroy();
    rmSync(root, { recursive: true, force: true });
  });

  it("imports every .md file in sorted order and reports a broken one without stopping", async () => {
    writeTree(root, {
      "notes/b.md": card("What is B"),
      "notes/a.md": card("What is A"),
      "notes/deep/c.md": card("What is C"),
      "notes/broken.md": "---\ntitle: [oops\n---\n" + card("What is D"),
      "notes/latin1.md": new Uint8Array([0x2d, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x3f, 0x0a]),
      "notes/readme.txt": card("Not markdown"),
      "notes/.obsidian/hidden.md": card("Hidden"),
    });
    const seen: string[] = [];
    const outcomes = await importFolder(db.prisma, path.join(root, "notes"), {
      root,
      onProgress: ({ index, total, sourcePath }) => seen.push(`${index}/${total} ${sourcePath}`),
    });

    expect(seen).toEqual([
      "1/5 notes/a.md",
      "2/5 notes/b.md",
      "3/5 notes/broken.md",
      "4/5 notes/deep/c.md",
      "5/5 notes/latin1.md",
    ]);
    expect(outcomes.map((outcome) => [outcome.sourcePath, outcome.ok])).toEqual([
      ["notes/a.md", true],
      ["notes/b.md", true],
      ["notes/broken.md", false],
      ["notes/deep/c.md", true],
      ["notes/latin1.md", false],
    ]);
    const errors = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
    expect(errors.every((error) => error instanceof ImportError)).toBe(true);
    expect(errors[0]!.message).toMatch(/^notes\/broken\.md:2: /);
    expect(errors[1]!.message).toBe("notes/latin1.md: is not UTF-8 text (invalid byte at offset 5 / line 1)");

    const decks = await db.prisma.deck.findMany({ orderBy: { sourcePath: "asc" } });
    expect(decks.map((deck) => deck.sourcePath)).toEqual(["notes/a.md", "notes/b.md", "notes/deep/c.md"]);
    expect(await db.prisma.card.count()).toBe(3);

    const again = await importFolder(db.prisma, path.join(root, "notes"), { root });
    expect(again.flatMap((outcome) => (outcome.ok ? [outcome.result.status] : []))).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
  });

  it("finds nothing in a folder without markdown", async () => {
    writeTree(root, { "a.txt": "x" });
    expect(await listMarkdownFiles(root)).toEqual([]);
    expect(await importFolder(db.prisma, root, { root })).toEqual([]);
  });
});

describe.each(testProviders)("recordImportError on %s", (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(async () => {
    await db?.destroy();
  });

  it("notes the error on the file's deck only, and the next good import clears it", async () => {
    const source = { sourcePath: "content/x.md", fileName: "x.md" };
    await importDeckSource(db.prisma, { ownerId: null, ...source, bytes: card("What is X") });
    expect(await recordImportError(db.prisma, "content/x.md", "content/x.md:2: broken")).toBe("x");
    expect(await recordImportError(db.prisma, "content/none.md", "content/none.md: broken")).toBeNull();
    expect((await db.prisma.deck.findFirstOrThrow()).lastError).toBe("content/x.md:2: broken");

    // Same text as the stored deck: not skipped as unchanged while an error is noted.
    const again = await importDeckSource(db.prisma, { ownerId: null, ...source, bytes: card("What is X") });
    expect(again.status).toBe("updated");
    expect((await db.prisma.deck.findFirstOrThrow()).lastError).toBeNull();
  });
});

describe.each(testProviders)("a moved file on %s", (provider) => {
  let db: TestDatabase;
  let root: string;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
    root = mkdtempSync(path.join(os.tmpdir(), "notecards-moved-"));
  });
  afterEach(async () => {
    await db?.destroy();
    rmSync(root, { recursive: true, force: true });
  });

  it("keeps its deck and card ids when the old path is gone, and not while it still exists", async () => {
    writeTree(root, { "notes/cells.md": card("What is a cell") });
    const [first] = await importFolder(db.prisma, path.join(root, "notes"), { root });
    const cardId = (await db.prisma.card.findFirstOrThrow()).id;

    writeTree(root, { "notes/biology/cells.md": card("What is a cell") });
    const copied = await importFile(db.prisma, path.join(root, "notes/biology/cells.md"), { root });
    expect(first?.ok && copied.deck.id !== first.result.deck.id).toBe(true);
    expect(copied.deck.slug).toBe("cells-2");

    rmSync(path.join(root, "notes/biology"), { recursive: true });
    renameSync(path.join(root, "notes"), path.join(root, "archive"));
    const moved = await importFile(db.prisma, path.join(root, "archive/cells.md"), { root });
    expect(first?.ok && moved.deck.id === first.result.deck.id).toBe(true);
    expect(moved.deck.slug).toBe("cells");
    expect((await db.prisma.deck.findUniqueOrThrow({ where: { id: moved.deck.id } })).sourcePath).toBe(
      "archive/cells.md",
    );
    expect((await db.prisma.card.findFirstOrThrow({ where: { deckId: moved.deck.id } })).id).toBe(cardId);
  });
});
