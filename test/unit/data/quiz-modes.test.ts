import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveQuizSettingsWith } from "@/app/lib/actions/quiz-settings";
import { getDeckFiguresWith } from "@/app/lib/data/deck-counts";
import { getDeckCardsPageWith } from "@/app/lib/data/deck-cards";
import { getQuizSettingsWith } from "@/app/lib/data/quiz-mode";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { importDeckSource } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date(2026, 2, 10, 12, 0, 0);

// Four term lines (terms), two questions, and a table row (a term too).
const notes = `# Capitals

## Europe

- **France**: Paris
- **Italy**: Rome
- **Spain**: Madrid
- **Germany**: Berlin

## Questions

What river flows through Paris?::The Seine

What river flows through Vienna?::The Danube

| Word | Meaning |
| --- | --- |
| Capital | The city where a government sits |
`;

const importNotes = (db: TestDatabase, text = notes, at = now) =>
  importDeckSource(
    db.prisma,
    { ownerId: null, bytes: text, sourcePath: "content/capitals.md", fileName: "capitals.md" },
    { now: at },
  );

describe.each(testProviders)("quiz modes on %s", (provider) => {
  let db: TestDatabase;
  let deckId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const result = await importNotes(db);
    deckId = result.deck.id;
    // The file's cards only: its reverse cards are stored, not counted as the file's.
    expect(result.counts.new).toBe(7);
    await db.prisma.user.create({ data: { id: "other", name: "Other learner" } });
  });
  afterAll(async () => db?.destroy());

  it("stores each term card a second time, definition -> term, keyed apart and after the file's cards", async () => {
    const reverse = await db.prisma.card.findMany({
      where: { deckId, key: { endsWith: "#reverse" } },
      orderBy: { position: "asc" },
    });
    expect(reverse.map((card) => [card.kind, card.front, card.back])).toEqual([
      ["reversed", "Paris", "France"],
      ["reversed", "Rome", "Italy"],
      ["reversed", "Madrid", "Spain"],
      ["reversed", "Berlin", "Germany"],
      ["reversed", "The city where a government sits", "Capital"],
    ]);
    expect(Math.min(...reverse.map((card) => card.position))).toBe(7);
  });

  it("keeps reverse cards out of study, counts and the deck's card list until the learner turns them on", async () => {
    const queue = await getStudyQueueWith(db.prisma, "capitals", now);
    expect(queue?.cards).toHaveLength(7);
    expect(queue?.quiz).toEqual({ mode: "flip", studyReversed: false, hasTerms: true });
    expect(queue?.cards.every((card) => card.quiz === undefined)).toBe(true);
    const figures = await getDeckFiguresWith(db.prisma, [deckId], now, "local");
    expect(figures.get(deckId)?.cardCount).toBe(7);
    const page = await getDeckCardsPageWith({ prisma: db.prisma, provider }, deckId, {}, "local");
    expect(page.total).toBe(7);

    await saveQuizSettingsWith(db.prisma, { deckId, studyReversed: true }, "local");
    const reversed = await getStudyQueueWith(db.prisma, "capitals", now);
    expect(reversed?.cards).toHaveLength(12);
    const paris = reversed?.cards.find((card) => card.front === "Paris");
    expect(paris).toMatchObject({ kind: "reversed", back: "France", reverse: true });
    expect(reversed?.cards.find((card) => card.front === "France")?.reverse).toBeUndefined();
    expect((await getDeckFiguresWith(db.prisma, [deckId], now, "local")).get(deckId)?.cardCount).toBe(12);
    // Another learner still studies the deck one way only.
    expect((await getStudyQueueWith(db.prisma, "capitals", now, "other"))?.cards).toHaveLength(7);
    expect((await getDeckFiguresWith(db.prisma, [deckId], now, "other")).get(deckId)?.cardCount).toBe(7);
    await saveQuizSettingsWith(db.prisma, { deckId, studyReversed: false }, "local");
  });

  it("saves the mode per learner and deck, keeping the other setting", async () => {
    expect(await saveQuizSettingsWith(db.prisma, { deckId, mode: "typed" }, "local")).toMatchObject({
      status: "saved",
      mode: "typed",
      studyReversed: false,
      slug: "capitals",
    });
    await saveQuizSettingsWith(db.prisma, { deckId, studyReversed: true }, "local");
    expect(await getQuizSettingsWith(db.prisma, deckId, "local")).toEqual({
      mode: "typed",
      studyReversed: true,
      hasTerms: true,
    });
    expect(await getQuizSettingsWith(db.prisma, deckId, "other")).toMatchObject({ mode: "flip" });
    await saveQuizSettingsWith(db.prisma, { deckId, mode: "choice" }, "other");
    expect(await getQuizSettingsWith(db.prisma, deckId, "local")).toMatchObject({ mode: "typed" });
    expect(await saveQuizSettingsWith(db.prisma, { deckId: "no-such-deck", mode: "flip" }, "local")).toEqual({
      status: "not-found",
    });
    await saveQuizSettingsWith(db.prisma, { deckId, mode: "flip", studyReversed: false }, "local");
  });

  it("sends each card's answer in typed mode and four options in choice mode", async () => {
    await saveQuizSettingsWith(db.prisma, { deckId, mode: "typed" }, "local");
    const typed = await getStudyQueueWith(db.prisma, "capitals", now);
    const france = typed?.cards.find((card) => card.front === "France");
    expect(france?.quiz).toEqual({ mode: "typed", answer: "Paris" });

    await saveQuizSettingsWith(db.prisma, { deckId, mode: "choice" }, "local");
    const choice = await getStudyQueueWith(db.prisma, "capitals", now);
    const quiz = choice?.cards.find((card) => card.front === "France")?.quiz;
    if (quiz?.mode !== "choice") throw new Error(`expected choices, got ${JSON.stringify(quiz)}`);
    expect(quiz.options[quiz.answerIndex]).toBe("Paris");
    // Same section (Europe) first: the other capitals.
    expect([...quiz.options].sort()).toEqual(["Berlin", "Madrid", "Paris", "Rome"]);
    // The same options on the next read.
    const again = await getStudyQueueWith(db.prisma, "capitals", now);
    expect(again?.cards.find((card) => card.front === "France")?.quiz).toEqual(quiz);
    await saveQuizSettingsWith(db.prisma, { deckId, mode: "flip" }, "local");
  });

  it("flips a card that the mode cannot ask, saying why", async () => {
    const tiny = await importDeckSource(
      db.prisma,
      {
        ownerId: null,
        bytes: "# Tiny\n\nOne?::Yes\n\nTwo?::No\n\nLong?::" + "word ".repeat(50) + "\n",
        sourcePath: "content/tiny.md",
        fileName: "tiny.md",
      },
      { now },
    );
    await saveQuizSettingsWith(db.prisma, { deckId: tiny.deck.id, mode: "choice" }, "local");
    const choice = await getStudyQueueWith(db.prisma, "tiny", now);
    expect(choice?.cards.map((card) => card.quiz)).toEqual([
      {
        mode: "flip",
        reason: "This deck has fewer than four different answers for this card, so it is flipped.",
      },
      {
        mode: "flip",
        reason: "This deck has fewer than four different answers for this card, so it is flipped.",
      },
      { mode: "flip", reason: "This answer is too long for choices, so this card is flipped." },
    ]);
    await saveQuizSettingsWith(db.prisma, { deckId: tiny.deck.id, mode: "typed" }, "local");
    const typed = await getStudyQueueWith(db.prisma, "tiny", now);
    expect(typed?.cards.map((card) => card.quiz?.mode)).toEqual(["typed", "typed", "flip"]);
  });

  it("retires a term's reverse card with it and brings both back with their rows", async () => {
    const before = await db.prisma.card.findFirstOrThrow({
      where: { deckId, key: { endsWith: "#reverse" }, front: "Rome" },
    });
    await importNotes(db, notes.replace("- **Italy**: Rome\n", ""), new Date(now.getTime() + 60_000));
    expect((await db.prisma.card.findUniqueOrThrow({ where: { id: before.id } })).retiredAt).not.toBeNull();
    const result = await importNotes(db, notes, new Date(now.getTime() + 120_000));
    // The same rows come back (cards after it moved a line, so they are updated too).
    expect(result.counts).toMatchObject({ new: 0, retired: 0 });
    expect((await db.prisma.card.findUniqueOrThrow({ where: { id: before.id } })).retiredAt).toBeNull();
  });
});
