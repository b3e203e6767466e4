import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDeckApkg, type ApkgExport } from "@/app/lib/anki/export-apkg";
import { importApkg } from "@/app/lib/anki/import-apkg";
import type { Db } from "@/app/lib/database/client";
import { importDeckSource } from "@/app/lib/import";
import { buildFixtureApkg, catPng } from "@/test/fixtures/anki/build-apkg";
import { mixedDeck } from "@/test/fixtures/anki/mixed-deck";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { hostileLinks, unsafeUrls } from "./unsafe-urls";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

const now = new Date("2026-02-01T00:00:00.000Z");

/** Everything the round trip must keep, without ids (the second import makes its own). */
async function deckContent(prisma: Db, deckId: string) {
  const cards = await prisma.card.findMany({
    where: { deckId },
    include: { states: true, reviews: { orderBy: { review: "asc" } } },
    orderBy: { key: "asc" },
  });
  return cards.map((card) => ({
    key: card.key,
    kind: card.kind,
    front: card.front,
    back: card.back,
    context: card.context,
    // A state names its card's deck: the deck being read, whatever its id in either database.
    states: card.states.map(({ id: _id, cardId: _card, updatedAt: _u, deckId: stateDeck, ...state }) => ({
      ...state,
      inCardsDeck: stateDeck === card.deckId,
    })),
    reviews: card.reviews.map(({ id: _id, cardId: _card, createdAt: _c, ...review }) => review),
  }));
}

describe.each(testProviders)("Anki .apkg export on %s", (provider) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let mediaA: string;
  let mediaB: string;
  let deckId: string;
  let exported: ApkgExport;

  beforeAll(async () => {
    source = await createTestDatabase(provider);
    target = await createTestDatabase(provider);
    mediaA = mkdtempSync(path.join(os.tmpdir(), "anki-export-a-"));
    mediaB = mkdtempSync(path.join(os.tmpdir(), "anki-export-b-"));
    deckId = (
      await importApkg(source.prisma, buildFixtureApkg(), {
        userId: "local",
        fileName: "Spanish.apkg",
        now,
        mediaDir: mediaA,
      })
    ).deck.id;
    exported = await exportDeckApkg(source.prisma, "spanish", { userId: "local", mediaDir: mediaA, now });
  });
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
    rmSync(mediaA, { recursive: true, force: true });
    rmSync(mediaB, { recursive: true, force: true });
  });

  it("writes a legacy collection Anki accepts: models, decks, notes with guid and checksum, cards, revlog, media", () => {
    expect(exported).toMatchObject({
      fileName: "spanish.apkg",
      notes: 5,
      cards: 7,
      reviews: 7,
      media: 1,
      warnings: [],
    });
    const files = unzipSync(exported.bytes);
    expect(Object.keys(files).sort()).toEqual(["0", "collection.anki2", "media"]);
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ "0": "cat.png" });
    expect(files["0"]).toEqual(catPng);

    const db = new Database(Buffer.from(files["collection.anki2"]!));
    try {
      const col = db.prepare("SELECT ver, models, decks, dconf, conf FROM col").get() as Record<
        string,
        string | number
      >;
      expect(col.ver).toBe(11);
      const models = Object.values(JSON.parse(String(col.models))) as {
        name: string;
        type: number;
        flds: unknown[];
        tmpls: unknown[];
      }[];
      const byName = [...models].sort((a, b) => (a.name < b.name ? -1 : 1));
      expect(byName.map((m) => [m.name, m.type, m.flds.length, m.tmpls.length])).toEqual([
        ["Basic", 0, 2, 1],
        ["Basic (and reversed card)", 0, 2, 2],
        ["Cloze", 1, 2, 1],
      ]);
      const decks = Object.values(JSON.parse(String(col.decks))) as { name: string }[];
      expect(decks.map((d) => d.name).sort()).toEqual(["Default", "Spanish", "Spanish::Verbs"]);
      expect(Object.keys(JSON.parse(String(col.dconf)))).toEqual(["1"]);

      const notes = db.prepare("SELECT guid, flds, sfld, csum FROM notes ORDER BY id").all() as {
        guid: string;
        flds: string;
        sfld: string;
        csum: number;
      }[];
      expect(notes.map((n) => n.flds.split("\x1f"))).toEqual([
        ["<strong>Hola</strong>", 'Hello <img src="cat.png" alt="">'],
        ["perro", "dog"],
        ["gato", "cat"],
        ["{{c1::Madrid}} is the capital of {{c2::Spain}}", ""],
        ["What does <em>comer</em> mean?", "to eat<br>\n(a verb)"],
      ]);
      for (const note of notes) {
        expect(note.csum).toBe(
          Number.parseInt(createHash("sha1").update(note.sfld).digest("hex").slice(0, 8), 16),
        );
        expect(note.guid).toMatch(/^[\w-]{10}$/);
      }
      expect(new Set(notes.map((n) => n.guid)).size).toBe(5);
      const cards = db.prepare("SELECT ord, type, queue, data FROM cards ORDER BY id").all() as {
        ord: number;
        type: number;
        data: string;
      }[];
      expect(cards.map((c) => c.ord)).toEqual([0, 0, 1, 0, 0, 1, 0]);
      expect(cards.filter((c) => c.type !== 0).every((c) => typeof JSON.parse(c.data).s === "number")).toBe(
        true,
      );
      const revlog = db.prepare("SELECT ease, time FROM revlog ORDER BY id").all();
      expect(revlog).toHaveLength(7);
    } finally {
      db.close();
    }
  });

  it("re-imports to the identical cards, review logs and FSRS states, with the media", async () => {
    const again = await importApkg(target.prisma, exported.bytes, {
      userId: "local",
      fileName: "spanish.apkg",
      now,
      mediaDir: mediaB,
    });
    expect(again.unknownNotes.count).toBe(0);
    expect(again.notices).toEqual([]);
    const before = await deckContent(source.prisma, deckId);
    const after = await deckContent(target.prisma, again.deck.id);
    expect(after).toEqual(before);
    expect(before.flatMap((card) => card.reviews)).toHaveLength(7);
    expect(new Uint8Array(readFileSync(path.join(mediaB, "spanish", "cat.png")))).toEqual(catPng);
  });

  it("refuses an unknown deck", async () => {
    await expect(exportDeckApkg(source.prisma, "nope", { userId: "local" })).rejects.toThrow(
      /No deck with slug "nope"/,
    );
  });

  it("exports a markdown deck of every format; Anki keeps all cards, facts in prose become Basic notes", async () => {
    const md = await importDeckSource(
      source.prisma,
      { ownerId: null, bytes: mixedDeck, sourcePath: "content/net.md", fileName: "net.md" },
      { now },
    );
    const result = await exportDeckApkg(source.prisma, md.deck.slug, {
      userId: "local",
      mediaDir: mediaA,
      now,
    });
    expect(result).toMatchObject({ notes: 13, cards: 16, warnings: [] });
    const back = await importApkg(target.prisma, result.bytes, {
      userId: "local",
      fileName: "net.apkg",
      now,
      mediaDir: mediaB,
    });
    // A term card's stored reverse card is no note of its own: the .apkg holds the term card only.
    const original = await source.prisma.card.findMany({ where: { deckId: md.deck.id, ...notReverseCard } });
    const copy = new Map(
      (await target.prisma.card.findMany({ where: { deckId: back.deck.id } })).map((card) => [
        card.key,
        card,
      ]),
    );
    const changed = original.filter((card) => {
      const other = copy.get(card.key);
      return (
        !other || other.front !== card.front || other.back !== card.back || other.context !== card.context
      );
    });
    // Prose facts have no cloze markup Anki could use; a multi-block answer becomes lines.
    expect(changed.map((card) => card.key).sort()).toEqual([
      "cloze:1:sockets use [...] and then [...] for connections.",
      "why is tcp slower than udp?",
    ]);
    expect(copy.get("why is tcp slower than udp?")?.back).toBe(
      "• handshakes\n• retransmissions\nIt also waits for acknowledgements.",
    );
  });
  it("writes no javascript:, data: or other unsafe URL into any field, whatever links the cards hold", async () => {
    const lines = hostileLinks.filter((link) => !link.includes("\n"));
    const markdown = [
      "# Hostile links",
      "",
      ...lines.map((link, i) => `Question ${i} ${link} :: Answer ${i} ${link}`),
      "",
      `Reversed ${lines[0]} ::: other side ${lines[1]}`,
      "",
      `The {{c1::capital}} is ${lines[2]}, see ${lines[7]}.`,
      "",
    ].join("\n");
    const imported = await importDeckSource(
      source.prisma,
      { ownerId: null, bytes: markdown, sourcePath: "content/hostile.md", fileName: "hostile.md" },
      { now },
    );
    expect(imported.counts.new).toBe(lines.length + 3);
    const result = await exportDeckApkg(source.prisma, imported.deck.slug, {
      userId: "local",
      mediaDir: mediaA,
      now,
    });
    const db = new Database(Buffer.from(unzipSync(result.bytes)["collection.anki2"]!));
    try {
      const fields = (db.prepare("SELECT flds FROM notes").all() as { flds: string }[]).flatMap((note) =>
        note.flds.split("\x1f"),
      );
      expect(fields.length).toBe(2 * (lines.length + 2));
      expect(fields.flatMap(unsafeUrls)).toEqual([]);
      expect(fields.join("\n")).toContain("{{c1::capital}}");
    } finally {
      db.close();
    }
  });
});
