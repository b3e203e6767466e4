import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/app/lib/database/client";
import { importFolder } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-03-10T12:00:00Z");
const fileCount = 12;

/** A small notes file: its own title and three question bullets. */
const note = (index: number) =>
  `# Topic ${index}\n\n${[1, 2, 3].map((q) => `- Question ${q} of topic ${index}?\n  Answer ${q}\n`).join("")}`;

// Two app instances starting at once each run `cards import` (package.json's prestart) on one
// empty database: both create the same decks, and the slower one must not report a file as failed.
describe.each(testProviders)("two imports of one notes folder at once on %s", (provider) => {
  let db: TestDatabase;
  let second: OpenDatabase;
  let root: string;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    second = await openDatabase(db.url);
    root = mkdtempSync(path.join(os.tmpdir(), "notecards-concurrent-"));
    for (let index = 1; index <= fileCount; index++)
      writeFileSync(path.join(root, `topic-${index}.md`), note(index));
  });
  afterEach(async () => {
    await second?.close();
    await db?.destroy();
    rmSync(root, { recursive: true, force: true });
  });

  it("both succeed, and every deck and card is stored once", async () => {
    const [first, other] = await Promise.all([
      importFolder(db.prisma, root, { root, now }),
      importFolder(second.prisma, root, { root, now }),
    ]);
    const failures = [...first, ...other].filter((outcome) => !outcome.ok);
    expect(failures.map((outcome) => (outcome.ok ? "" : outcome.error.message))).toEqual([]);
    expect(await db.prisma.deck.count()).toBe(fileCount);
    expect(await db.prisma.card.count()).toBe(fileCount * 3);
    expect(
      new Set((await db.prisma.deck.findMany({ select: { slug: true } })).map((deck) => deck.slug)),
    ).toEqual(new Set(Array.from({ length: fileCount }, (_, index) => `topic-${index + 1}`)));
  });
});
