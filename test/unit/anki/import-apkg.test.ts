import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmptyCard, fsrs, type Card, type Grade } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importApkg, type ApkgImportResult } from "@/app/lib/anki/import-apkg";
import {
  buildCollection,
  buildFixtureApkg,
  catPng,
  fixtureDecks,
  fixtureModels,
  models,
  t0,
  zipApkg,
} from "@/test/fixtures/anki/build-apkg";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-02-01T00:00:00.000Z");
const day = 86_400_000;

/** What ts-fsrs itself says the reviews lead to: the expectation is computed without the app's code. */
function expectedReplay(reviews: [number, Grade][]) {
  const engine = fsrs({ enable_fuzz: false });
  let card: Card = createEmptyCard(new Date(reviews[0]![0]));
  const logs = [];
  for (const [time, rating] of reviews) {
    const next = engine.next(card, new Date(time), rating);
    logs.push(next.log);
    card = next.card;
  }
  return { card, logs };
}

describe.each(testProviders)("Anki .apkg import on %s", (provider) => {
  let db: TestDatabase;
  let mediaDir: string;
  let result: ApkgImportResult;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    mediaDir = mkdtempSync(path.join(os.tmpdir(), "anki-media-"));
    result = await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("creates one deck with the Basic, reversed and Cloze cards, and reports the unknown note type", async () => {
    expect(result.status).toBe("created");
    expect(result.deck).toMatchObject({ slug: "spanish", title: "Spanish" });
    expect(result.counts.new).toBe(7);
    expect(result.unknownNotes).toEqual({ count: 1, noteTypes: ["Vocab (3 fields)"] });
    expect(result.notices.join("\n")).toMatch(/1 notes of unsupported note types.*Vocab \(3 fields\)/);
    const cards = await db.prisma.card.findMany({
      where: { deckId: result.deck.id },
      orderBy: { position: "asc" },
    });
    expect(
      cards.map(({ kind, front, back, context }) => ({ kind, front, back, context: JSON.parse(context) })),
    ).toEqual([
      { kind: "basic", front: "**Hola**", back: "Hello ![](/media/spanish/cat.png)", context: [] },
      { kind: "reversed", front: "perro", back: "dog", context: [] },
      { kind: "reversed", front: "dog", back: "perro", context: [] },
      { kind: "basic", front: "gato", back: "cat", context: [] },
      {
        kind: "cloze",
        front: "[...] is the capital of Spain",
        back: "Madrid is the capital of Spain",
        context: [],
      },
      {
        kind: "cloze",
        front: "Madrid is the capital of [...]",
        back: "Madrid is the capital of Spain",
        context: [],
      },
      { kind: "basic", front: "What does *comer* mean?", back: "to eat\n(a verb)", context: ["Verbs"] },
    ]);
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { id: result.deck.id } });
    expect(deck.sourcePath).toBe("anki:Spanish.apkg");
    expect(deck.source).toContain("perro ::: dog");
  });

  it("stores the media file under the deck's media folder", () => {
    expect(result.media).toEqual({ written: 1, missing: [] });
    expect(new Uint8Array(readFileSync(path.join(mediaDir, "spanish", "cat.png")))).toEqual(catPng);
  });

  it("replays each card's revlog through FSRS: review logs and final states for the local learner", async () => {
    const hola = await db.prisma.card.findFirstOrThrow({
      where: { deckId: result.deck.id, key: "hola" },
      include: { states: true, reviews: { orderBy: { review: "asc" } } },
    });
    // The manual reschedule (ease 0) is not a grade and is skipped.
    const expected = expectedReplay([
      [t0, 3],
      [t0 + 10 * 60_000, 3],
      [t0 + 3 * day, 1],
      [t0 + 4 * day, 4],
    ]);
    expect(hola.reviews.map((log) => log.rating)).toEqual([3, 3, 1, 4]);
    expect(hola.reviews.map((log) => log.durationMs)).toEqual([4_000, 3_000, 9_000, 2_000]);
    hola.reviews.forEach((log, index) => {
      const want = expected.logs[index]!;
      expect(log).toMatchObject({
        userId: "local",
        state: want.state,
        stability: want.stability,
        difficulty: want.difficulty,
        scheduled_days: want.scheduled_days,
        learning_steps: want.learning_steps,
      });
      expect(log.review.getTime()).toBe(want.review.getTime());
      expect(log.due.getTime()).toBe(want.due.getTime());
    });
    expect(hola.states).toHaveLength(1);
    const state = hola.states[0]!;
    expect(state).toMatchObject({
      userId: "local",
      state: expected.card.state,
      stability: expected.card.stability,
      difficulty: expected.card.difficulty,
      reps: 4,
      lapses: expected.card.lapses,
    });
    expect(state.due.getTime()).toBe(expected.card.due.getTime());
    expect(state.last_review?.getTime()).toBe(t0 + 4 * day);
  });

  it("gives each direction of a reversed note and each cloze number its own history", async () => {
    const logs = await db.prisma.reviewLog.findMany({ include: { card: true }, orderBy: { review: "asc" } });
    const byKey = (key: string) => logs.filter((log) => log.card.key === key).map((log) => log.rating);
    expect(byKey("reversed:forward:perro")).toEqual([3]);
    expect(byKey("reversed:backward:perro")).toEqual([2]);
    expect(byKey("cloze:2:madrid is the capital of [...]")).toEqual([3]);
    expect(byKey("cloze:1:[...] is the capital of spain")).toEqual([]);
    expect(result.history).toEqual({ cards: 4, reviews: 7, kept: 0 });
    expect(await db.prisma.cardState.count()).toBe(4);
  });

  it("imports the same package again without duplicating cards, logs or states", async () => {
    const again = await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    expect(again.status).toBe("unchanged");
    expect(again.deck.id).toBe(result.deck.id);
    expect(await db.prisma.card.count()).toBe(7);
    expect(await db.prisma.reviewLog.count()).toBe(7);
    expect(await db.prisma.cardState.count()).toBe(4);
    expect(again.history).toEqual({ cards: 0, reviews: 0, kept: 4 });
  });

  it("names a deck kept in Anki's Default deck after the file, with multi-line sides and both deck levels as context", async () => {
    const collection = {
      models: fixtureModels,
      decks: { ...fixtureDecks, "300": { id: 300, name: "Default::Travel" } },
      notes: [
        {
          id: 1,
          modelId: models.basic,
          fields: ["¿Dónde está<br>la estación?", "Where is the station?"],
          cards: [{ id: 11, ord: 0, deckId: 1 }],
        },
        { id: 2, modelId: models.basic, fields: ["a :: b", "c"], cards: [{ id: 21, ord: 0, deckId: 300 }] },
        {
          id: 3,
          modelId: models.basic,
          fields: ["one<br>?<br>two", "three"],
          cards: [{ id: 31, ord: 0, deckId: 300 }],
        },
      ],
      revlog: [],
    };
    const other = await importApkg(db.prisma, zipApkg({ "collection.anki2": buildCollection(collection) }), {
      userId: "local",
      fileName: "Vocab list.apkg",
      now,
      mediaDir,
    });
    expect(other.deck).toMatchObject({ slug: "vocab-list", title: "Vocab list" });
    const cards = await db.prisma.card.findMany({
      where: { deckId: other.deck.id },
      orderBy: { position: "asc" },
    });
    expect(cards.map(({ front, back, context }) => [front, back, JSON.parse(context)])).toEqual([
      ["¿Dónde está\nla estación?", "Where is the station?", []],
      // "::" inside a side is kept apart so that it does not split the card.
      ["a :\u200b: b", "c", ["Travel"]],
      // So is a line that is only "?", which would end the question.
      ["one\n?\u200b\ntwo", "three", ["Travel"]],
    ]);
  });
});
