import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnkiPackageError } from "@/app/lib/anki/errors";
import { importApkg } from "@/app/lib/anki/import-apkg";
import { defaultZipLimits } from "@/app/lib/anki/zip-reader";
import type { Db } from "@/app/lib/database/client";
import {
  buildCollection,
  buildFixtureApkg,
  fixtureCollection,
  fixtureDecks,
  fixtureModels,
  models,
  zipApkg,
} from "@/test/fixtures/anki/build-apkg";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-02-01T00:00:00.000Z");

/** Every row of every table the import could touch, plus the media folder's listing. */
async function snapshot(prisma: Db, mediaDir: string) {
  const [decks, cards, states, logs] = await Promise.all([
    prisma.deck.findMany({ orderBy: { id: "asc" } }),
    prisma.card.findMany({ orderBy: { id: "asc" } }),
    prisma.cardState.findMany({ orderBy: { id: "asc" } }),
    prisma.reviewLog.findMany({ orderBy: { id: "asc" } }),
  ]);
  const files = readdirSync(mediaDir, { recursive: true }).map(String).sort();
  return { decks, cards, states, logs, files };
}

/** Sets the uncompressed size that the central directory declares for every entry. */
function forgeDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let offset = 0; offset + 46 < bytes.length; offset++) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return bytes;
}

describe.each(testProviders)("hostile .apkg files on %s", (provider) => {
  let db: TestDatabase;
  let mediaDir: string;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    mediaDir = mkdtempSync(path.join(os.tmpdir(), "anki-hostile-"));
    // A deck already there, so "nothing changed" is checked against real rows, not an empty database.
    await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    before = await snapshot(db.prisma, mediaDir);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  async function expectRejected(bytes: Uint8Array, message: RegExp, limits = defaultZipLimits) {
    const attempt = importApkg(db.prisma, bytes, {
      userId: "local",
      fileName: "Evil.apkg",
      now,
      mediaDir,
      limits,
    });
    await expect(attempt).rejects.toThrow(AnkiPackageError);
    await expect(
      importApkg(db.prisma, bytes, { userId: "local", fileName: "Evil.apkg", now, mediaDir, limits }),
    ).rejects.toThrow(message);
    expect(await snapshot(db.prisma, mediaDir)).toEqual(before);
  }

  it("rejects a file that is not a zip", async () => {
    await expectRejected(
      new TextEncoder().encode("SQLite format 3\0 definitely not a zip"),
      /not a zip archive/,
    );
  });

  it("rejects an upload over the size limit before reading it", async () => {
    await expectRejected(new Uint8Array(defaultZipLimits.maxArchiveBytes + 1), /more than the 100 MB limit/);
  });

  it("rejects a zip bomb by its compression ratio", async () => {
    const bomb = zipSync({ "collection.anki2": new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    await expectRejected(bomb, /zip bomb/);
  });

  it("rejects an archive whose declared sizes add up past the total limit", async () => {
    const zip = forgeDeclaredSize(
      zipApkg({ "collection.anki2": new Uint8Array(1000), media: "{}" }),
      150 * 1024 * 1024,
    );
    await expectRejected(zip, /expands to more than 200 MB \(declared sizes\)/);
  });

  it("rejects an entry that inflates past the size its header declares", async () => {
    const zip = forgeDeclaredSize(zipApkg({ "collection.anki2": new Uint8Array(500_000) }), 1000);
    await expectRejected(zip, /expands beyond its declared/);
  });

  it("rejects a zip without a collection", async () => {
    await expectRejected(zipApkg({ media: "{}", "0": "x" }), /holds no collection\.anki2/);
  });

  it("rejects the newer collection.anki21b format with what to do instead", async () => {
    await expectRejected(
      zipApkg({
        "collection.anki21b": new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]),
        "collection.anki2": buildCollection(fixtureCollection()),
      }),
      /Support older Anki versions/,
    );
  });

  it("rejects a collection that is not SQLite, or not Anki's", async () => {
    await expectRejected(zipApkg({ "collection.anki2": "hello" }), /not an SQLite database/);
  });

  it("rejects a collection whose rows hold what Anki never writes", async () => {
    const db = new Database(Buffer.from(buildCollection(fixtureCollection())));
    db.prepare("UPDATE revlog SET time = 'slow' WHERE cid = 11").run();
    const bytes = new Uint8Array(db.serialize());
    db.close();
    await expectRejected(zipApkg({ "collection.anki2": bytes }), /damaged: a review row has a bad time/);
  });

  it("rejects a package with only unknown note types, naming them", async () => {
    const only = fixtureCollection();
    only.notes = only.notes.filter((note) => note.modelId === models.vocab);
    await expectRejected(
      zipApkg({ "collection.anki2": buildCollection(only) }),
      /no Basic, Basic-and-reversed or Cloze notes.*Vocab \(3 fields\)/,
    );
  });

  it("leaves nothing behind when storing the history fails half-way", async () => {
    // A learner that does not exist: the deck and cards are written, then the history insert fails.
    const bytes = buildFixtureApkg();
    await expect(
      importApkg(db.prisma, bytes, { fileName: "Other.apkg", now, mediaDir, userId: "ghost" }),
    ).rejects.toThrow();
    expect(await snapshot(db.prisma, mediaDir)).toEqual(before);
  });

  it("neutralises hostile HTML in fields: no script, event handlers or javascript: URLs survive", async () => {
    const evil = {
      models: fixtureModels,
      decks: fixtureDecks,
      notes: [
        {
          id: 1,
          modelId: models.basic,
          fields: [
            'Click <a href="javascript:alert(1)">here</a><script>alert("x")</script>',
            '<img src="x.png" onerror="alert(1)"><style>body{display:none}</style><b onclick="steal()">bold</b> <iframe src="https://evil.example"></iframe>',
          ],
          cards: [{ id: 11, ord: 0, deckId: 200 }],
        },
      ],
      revlog: [],
    };
    const result = await importApkg(db.prisma, zipApkg({ "collection.anki2": buildCollection(evil) }), {
      userId: "local",
      fileName: "Evil.apkg",
      now,
      mediaDir,
    });
    const cards = await db.prisma.card.findMany({ where: { deckId: result.deck.id } });
    expect(cards).toHaveLength(1);
    expect(cards[0]!.front).toBe("Click here");
    const text =
      JSON.stringify(cards) +
      ((await db.prisma.deck.findUnique({ where: { id: result.deck.id } }))?.source ?? "");
    expect(text).not.toMatch(/script|onerror|onclick|javascript:|alert|steal|iframe|display:none/i);
    expect(cards[0]!.back).toContain("**bold**");
  });
});
