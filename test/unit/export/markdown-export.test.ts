import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDeckMarkdown } from "@/app/lib/export/markdown-export";
import { ExportError } from "@/app/lib/export/errors";
import { importDeckSource } from "@/app/lib/import";
import { mixedDeck } from "@/test/fixtures/anki/mixed-deck";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

const now = new Date("2026-03-01T00:00:00.000Z");

describe.each(testProviders)("markdown export on %s", (provider) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("re-imports to the same cards with the same keys", async () => {
    const first = await importDeckSource(
      db.prisma,
      { ownerId: null, bytes: mixedDeck, sourcePath: "content/net.md", fileName: "net.md" },
      { now },
    );
    // A term card's stored reverse card is not exported: the term card stands for it.
    const original = await db.prisma.card.findMany({
      where: { deckId: first.deck.id, ...notReverseCard },
      orderBy: { position: "asc" },
    });
    expect(original.length).toBeGreaterThanOrEqual(15);
    expect(new Set(original.map((card) => card.kind))).toEqual(new Set(["basic", "reversed", "cloze"]));

    const exported = await exportDeckMarkdown(db.prisma, first.deck.slug, { userId: "local" });
    expect(exported.warnings).toEqual([]);
    expect(exported.fileName).toBe("net.md");
    expect(exported.markdown).toContain("TCP :: Transmission Control Protocol");

    const second = await importDeckSource(
      db.prisma,
      { ownerId: null, bytes: exported.markdown, sourcePath: "export/net.md", fileName: "net.md" },
      { now },
    );
    expect(second.deck.id).not.toBe(first.deck.id);
    expect(second.warnings).toEqual([]);
    const copy = await db.prisma.card.findMany({ where: { deckId: second.deck.id, ...notReverseCard } });
    const shape = (cards: typeof original) =>
      cards
        .map(({ key, kind, front, back, context }) => ({ key, kind, front, back, context }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(shape(copy)).toEqual(shape(original));
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { id: second.deck.id } });
    expect({ title: deck.title, tags: deck.tags, description: deck.description }).toEqual({
      title: "Networking «basics»",
      tags: JSON.stringify(["net", "tcp"]),
      description: "Ports, packets and protocols",
    });

    // Exporting the copy gives the same document: the explicit form is a fixed point.
    expect((await exportDeckMarkdown(db.prisma, second.deck.slug, { userId: "local" })).markdown).toBe(
      exported.markdown.replace("slug: net", `slug: ${second.deck.slug}`),
    );
  });

  it("leaves retired cards out", async () => {
    const deck = await importDeckSource(
      db.prisma,
      { ownerId: null, bytes: "# R\n\na :: 1\n\nb :: 2\n", sourcePath: "content/r.md", fileName: "r.md" },
      { now },
    );
    await importDeckSource(
      db.prisma,
      { ownerId: null, bytes: "# R\n\na :: 1\n", sourcePath: "content/r.md", fileName: "r.md" },
      { now },
    );
    const { markdown } = await exportDeckMarkdown(db.prisma, deck.deck.slug, { userId: "local" });
    expect(markdown).toContain("a :: 1");
    expect(markdown).not.toContain("b :: 2");
  });

  it("names an unknown deck", async () => {
    await expect(exportDeckMarkdown(db.prisma, "nope", { userId: "local" })).rejects.toThrow(ExportError);
    await expect(exportDeckMarkdown(db.prisma, "nope", { userId: "local" })).rejects.toThrow(
      /No deck with slug "nope"/,
    );
  });
});
