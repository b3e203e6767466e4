/**
 * An Anki import is all or nothing: the deck, its cards, their states and review logs are one
 * transaction, media show only after it commits, and what a killed import left is settled by the
 * next start. The kill -9 test at scale is `npm run test:crash`; these are its fast versions.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importApkg } from "@/app/lib/anki/import-apkg";
import type { Db } from "@/app/lib/database/client";
import { runCards } from "@/test/crash/cards-process";
import { checkDecks } from "@/test/crash/deck-check";
import { buildFixtureApkg, fixtureCollection } from "@/test/fixtures/anki/build-apkg";
import { buildLargeApkg } from "@/test/fixtures/anki/large-apkg";
import { snapshot } from "@/test/unit/import/db-snapshot";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-02-01T00:00:00.000Z");
const versions = {
  1: buildLargeApkg({ notes: 100, version: 1 }),
  2: buildLargeApkg({ notes: 100, version: 2 }),
};

/** Rows and media files: equal snapshots mean the import changed nothing anyone can see. */
async function everything(prisma: Db, mediaDir: string) {
  return {
    rows: await snapshot(prisma),
    files: readdirSync(mediaDir, { recursive: true }).map(String).sort(),
  };
}

/** The keys of the deck's cards whose state counts other reviews than the logs they have. */
async function brokenHistories(prisma: Db, deckId: string) {
  const cards = await prisma.card.findMany({
    where: { deckId },
    select: { key: true, states: { select: { reps: true } }, _count: { select: { reviews: true } } },
  });
  return cards
    .filter((card) => card.states.some((state) => state.reps !== card._count.reviews))
    .map((card) => card.key);
}

/** True once `mediaDir` holds a staging folder that holds `marker`. */
function stagedIn(mediaDir: string, marker: string): () => boolean {
  return () =>
    readdirSync(mediaDir).some((name) => {
      if (!name.startsWith(".incoming-")) return false;
      try {
        return readdirSync(path.join(mediaDir, name)).includes(marker);
      } catch {
        return false;
      }
    });
}

describe.each(testProviders)("all-or-nothing Anki import on %s", (provider) => {
  let db: TestDatabase;
  let mediaDir: string;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    mediaDir = mkdtempSync(path.join(os.tmpdir(), "anki-atomic-"));
  });
  afterEach(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("rolls a re-import's card changes back with its history when storing the history fails", async () => {
    await importApkg(db.prisma, versions[1].bytes, { userId: "local", fileName: "big.apkg", now, mediaDir });
    const before = await everything(db.prisma, mediaDir);
    // A learner that does not exist: the cards are written, then the first review log fails.
    await expect(
      importApkg(db.prisma, versions[2].bytes, { fileName: "big.apkg", now, mediaDir, userId: "ghost" }),
    ).rejects.toThrow();
    expect(await everything(db.prisma, mediaDir)).toEqual(before);
  });

  it("gives the same package imported under a second file name a review history of its own", async () => {
    const first = await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    const second = await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish copy.apkg",
      now,
      mediaDir,
    });
    expect(second.deck.id).not.toBe(first.deck.id);
    expect(second.history).toEqual({ cards: 4, reviews: 7, kept: 0 });
    expect(await db.prisma.reviewLog.count({ where: { card: { deckId: second.deck.id } } })).toBe(7);
    expect(await brokenHistories(db.prisma, second.deck.id)).toEqual([]);
    expect(await brokenHistories(db.prisma, first.deck.id)).toEqual([]);
  });

  it("gives a card whose front was edited in Anki its history on re-import, beside the retired card's", async () => {
    const edited = fixtureCollection();
    edited.notes[0]!.fields[0] = "<b>Hola!</b>";
    await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    const again = await importApkg(db.prisma, buildFixtureApkg(edited), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    expect(again.counts).toMatchObject({ new: 1, retired: 1 });
    expect(again.history).toEqual({ cards: 1, reviews: 4, kept: 3 });
    const cards = await db.prisma.card.findMany({
      where: { deckId: again.deck.id, key: { in: ["hola", "hola!"] } },
      select: {
        key: true,
        retiredAt: true,
        states: { select: { reps: true } },
        _count: { select: { reviews: true } },
      },
      orderBy: { key: "asc" },
    });
    expect(
      cards.map((card) => [card.key, card.retiredAt !== null, card.states[0]?.reps, card._count.reviews]),
    ).toEqual([
      ["hola", true, 4, 4],
      ["hola!", false, 4, 4],
    ]);
  });

  // The CLI in a process of its own, killed once its staged media are complete (the manifest is
  // there): its transaction has not started, is under way or has just committed, and the deck
  // must be whole in every case. media-staging.test.ts settles each case without timing.
  it(
    "kill -9 of `cards import` once its media are staged leaves a whole deck, and the next start no staging",
    { timeout: 120_000 },
    async () => {
      const root = mkdtempSync(path.join(os.tmpdir(), "anki-kill-"));
      try {
        const file = path.join(root, "big.apkg");
        writeFileSync(file, versions[2].bytes);
        // One local learner: on PostgreSQL accounts default to on, which needs a secret.
        const env = { DATABASE_URL: db.url, MEDIA_DIR: mediaDir, CONTENT_DIR: root, ACCOUNTS: "off" };
        const run = await runCards(["import", file], env, {
          from: stagedIn(mediaDir, ".staged.json"),
          killAfterMs: 0,
        });
        expect(run.killed).toBe(true);
        const options = { versions, overVersion1: false };
        const afterKill = await checkDecks(db.prisma, { ...options, media: null });
        expect(afterKill.problems).toEqual([]);
        const nextStart = await runCards(["import"], env);
        expect(nextStart.exitCode).toBe(0);
        expect(readdirSync(mediaDir).filter((name) => name.startsWith("."))).toEqual([]);
        const afterStart = await checkDecks(db.prisma, { ...options, media: { dir: mediaDir } });
        expect(afterStart).toEqual({ outcome: afterKill.outcome, problems: [] });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
