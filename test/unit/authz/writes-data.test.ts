/**
 * Imports, backups, restores and exports as learner B, with learner A's data on the same instance:
 * B's Anki package of the same file name is a deck of B's own, B's backup holds nothing of A's, a
 * restore naming A's ids changes nothing of A's, and A's deck does not export for B.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDeckApkg } from "@/app/lib/anki/export-apkg";
import { importApkg } from "@/app/lib/anki/import-apkg";
import { createBackup } from "@/app/lib/backup/create-backup";
import { restoreBackup } from "@/app/lib/backup/restore-backup";
import { BackupError } from "@/app/lib/backup/schema";
import { exportDeckCsv } from "@/app/lib/export/csv-export";
import { ExportError } from "@/app/lib/export/errors";
import { exportDeckMarkdown } from "@/app/lib/export/markdown-export";
import { importDeckSource } from "@/app/lib/import";
import { retireMissingFiles } from "@/app/lib/import/missing-files";
import { buildFixtureApkg } from "@/test/fixtures/anki/build-apkg";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { a, b, now, seedTwoLearners, snapshotOf, type TwoLearners } from "./learners";

const c = { userId: "learner-c", accounts: true } as const;

describe.each(testProviders)("imports, backups and exports stay with their learner on %s", (provider) => {
  let db: TestDatabase;
  let seed: TwoLearners;
  let mediaDir: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedTwoLearners(db.prisma);
    await db.prisma.user.create({ data: { id: c.userId, name: "C", email: "learner-c@example.com" } });
    mediaDir = mkdtempSync(path.join(os.tmpdir(), "authz-media-"));
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("B importing an .apkg named like A's gets a deck of their own; A's deck is untouched", async () => {
    const apkg = buildFixtureApkg();
    const options = { fileName: "Spanish.apkg", now, mediaDir };
    const mine = await importApkg(db.prisma, apkg, { ...options, userId: a.userId });
    const before = await snapshotOf(db.prisma, a.userId);
    const theirs = await importApkg(db.prisma, apkg, { ...options, userId: b.userId });
    expect(theirs.status).toBe("created");
    expect(theirs.deck.id).not.toBe(mine.deck.id);
    expect(theirs.deck.slug).toBe(`${mine.deck.slug}-2`);
    expect(await db.prisma.deck.findUniqueOrThrow({ where: { id: theirs.deck.id } })).toMatchObject({
      ownerId: b.userId,
      sourcePath: "anki:Spanish.apkg",
    });
    expect((await importApkg(db.prisma, apkg, { ...options, userId: b.userId })).deck.id).toBe(
      theirs.deck.id,
    );
    expect(await snapshotOf(db.prisma, a.userId)).toEqual(before);
  });

  it("the notes folder never overwrites or retires a learner's deck that came from a notes file", async () => {
    // A restored a backup whose notes-folder deck this instance does not have: it became theirs.
    const markdown = "# Kept\n\n- What is kept?\n  Mine\n";
    const source = { bytes: markdown, sourcePath: "content/kept.md", fileName: "kept.md" };
    const own = await importDeckSource(db.prisma, { ...source, ownerId: a.userId }, { now });
    const before = await snapshotOf(db.prisma, a.userId);
    const folder = await importDeckSource(
      db.prisma,
      { ...source, bytes: "# Kept\n\n- What is kept?\n  Overwritten\n", ownerId: null },
      { now },
    );
    expect(folder.deck.id).not.toBe(own.deck.id);
    expect(await retireMissingFiles(db.prisma, "content", new Set(), now)).not.toContain(own.deck.slug);
    expect(await snapshotOf(db.prisma, a.userId)).toEqual(before);
  });

  it("B's backup holds the shared decks and B's own rows, none of A's", async () => {
    const backup = await createBackup(db.prisma, b.userId, now);
    const ownerOf = new Map(backup.decks.map((deck) => [deck.id, deck.ownerId]));
    expect(backup.decks.map((deck) => deck.ownerId).filter((owner) => owner !== null)).toEqual([b.userId]);
    expect(ownerOf.has(seed.sharedDeckId)).toBe(true);
    expect(ownerOf.has(seed.privateDeckId)).toBe(false);
    expect(backup.cards.every((card) => ownerOf.has(card.deckId))).toBe(true);
    expect(backup.cards.map((card) => card.id)).not.toContain(seed.privateCardIds[0]);
    for (const rows of [backup.cardStates, backup.reviewLogs, backup.cardMarks, backup.deckSettings])
      expect(rows.every((row) => row.userId === b.userId)).toBe(true);
    expect(backup.reviewLogs.length).toBeGreaterThan(0);
  });

  it("C restoring A's backup (A's deck, card and review ids) is refused and changes nothing of A's", async () => {
    const before = await snapshotOf(db.prisma, a.userId);
    const stolen = await createBackup(db.prisma, a.userId, now);
    await expect(restoreBackup(db.prisma, stolen, c)).rejects.toThrow(BackupError);
    // Only the shared deck, but A's review and state ids: still another learner's rows.
    const shared = {
      ...stolen,
      decks: stolen.decks.filter((deck) => deck.ownerId === null),
      cards: stolen.cards.filter((card) => card.deckId === seed.sharedDeckId),
      cardStates: stolen.cardStates.filter((row) => seed.sharedCardIds.includes(row.cardId)),
      reviewLogs: stolen.reviewLogs.filter((row) => seed.sharedCardIds.includes(row.cardId)),
      cardMarks: [],
      deckSettings: [],
    };
    await expect(restoreBackup(db.prisma, shared, c)).rejects.toThrow(BackupError);
    // A's private deck and cards with fresh review ids: progress on a deck that is not C's to study.
    const onPrivate = {
      ...stolen,
      decks: stolen.decks.filter((deck) => deck.id === seed.privateDeckId),
      cards: stolen.cards.filter((card) => card.deckId === seed.privateDeckId),
      cardStates: stolen.cardStates
        .filter((row) => seed.privateCardIds.includes(row.cardId))
        .map((row) => ({ ...row, id: `${row.id}-c` })),
      reviewLogs: stolen.reviewLogs
        .filter((row) => seed.privateCardIds.includes(row.cardId))
        .map((row) => ({ ...row, id: `${row.id}-c` })),
      cardMarks: [],
      deckSettings: [],
    };
    await expect(restoreBackup(db.prisma, onPrivate, c)).rejects.toThrow(BackupError);
    expect(await snapshotOf(db.prisma, a.userId)).toEqual(before);
    expect(await snapshotOf(db.prisma, c.userId)).toMatchObject({
      decks: [],
      cardStates: [],
      reviewLogs: [],
    });
  });

  it("C restoring progress on a shared deck keeps the deck's content as it is here", async () => {
    const backup = await createBackup(db.prisma, b.userId, now);
    const sharedDeck = await db.prisma.deck.findUniqueOrThrow({
      where: { id: seed.sharedDeckId },
      include: { cards: true },
    });
    const edited = {
      ...backup,
      decks: backup.decks
        .filter((deck) => deck.id === seed.sharedDeckId)
        .map((deck) => ({ ...deck, title: "Defaced", source: "# Defaced\n" })),
      cards: backup.cards
        .filter((card) => card.deckId === seed.sharedDeckId)
        .map((card) => ({ ...card, front: "Defaced?" })),
      cardStates: backup.cardStates
        .filter((row) => seed.sharedCardIds.includes(row.cardId))
        .map((row) => ({ ...row, id: `${row.id}-c` })),
      reviewLogs: backup.reviewLogs
        .filter((row) => seed.sharedCardIds.includes(row.cardId))
        .map((row) => ({ ...row, id: `${row.id}-c` })),
      cardMarks: [],
      deckSettings: [],
    };
    const counts = await restoreBackup(db.prisma, edited, c);
    expect(counts).toEqual({ decks: 0, cards: 0, cardStates: 1, reviewLogs: 1 });
    expect(
      await db.prisma.deck.findUniqueOrThrow({ where: { id: seed.sharedDeckId }, include: { cards: true } }),
    ).toEqual(sharedDeck);
    expect(await db.prisma.cardState.count({ where: { userId: c.userId } })).toBe(1);
  });

  it("B exporting A's deck is not found in every format; a shared deck exports with B's history only", async () => {
    const slug = seed.privateSlug;
    const notFound = new ExportError(`No deck with slug "${slug}"`);
    await expect(exportDeckMarkdown(db.prisma, slug, b)).rejects.toThrow(notFound);
    await expect(exportDeckCsv(db.prisma, slug, b)).rejects.toThrow(notFound);
    await expect(exportDeckApkg(db.prisma, slug, { ...b, mediaDir, now })).rejects.toThrow(notFound);
    expect((await exportDeckMarkdown(db.prisma, slug, a)).markdown).toContain("What is alpha?");

    const sharedSlug = (await db.prisma.deck.findUniqueOrThrow({ where: { id: seed.sharedDeckId } })).slug;
    const shared = await exportDeckApkg(db.prisma, sharedSlug, { ...b, mediaDir, now });
    const bReviews = await db.prisma.reviewLog.count({
      where: { userId: b.userId, card: { deckId: seed.sharedDeckId } },
    });
    expect(shared.reviews).toBe(bReviews);
    expect(
      await db.prisma.reviewLog.count({ where: { card: { deckId: seed.sharedDeckId } } }),
    ).toBeGreaterThan(bReviews);
  });
});
