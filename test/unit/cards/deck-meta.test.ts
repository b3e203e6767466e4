/** Deck metadata: front matter, title/slug fallbacks, and broken YAML. */
import { describe, expect, it } from "vitest";
import { DeckParseError, parseDeck } from "@/app/lib/cards";

describe("front matter", () => {
  it("sets title, slug, tags and description", () => {
    const deck = parseDeck(
      '---\ntitle: Cell Biology\nslug: bio-cells\ntags: [biology, "#exam"]\ndescription: Unit 3 notes\n---\n\n# Cells\n\n**Nucleus**: holds DNA\n',
      {
        fileName: "cells.md",
      },
    );
    expect(deck).toMatchObject({
      title: "Cell Biology",
      slug: "bio-cells",
      tags: ["biology", "exam"],
      description: "Unit 3 notes",
    });
    // The only H1 names the document even when front matter sets the deck title.
    expect(deck.cards[0]).toMatchObject({ front: "Nucleus", line: 10, context: [] });
  });

  it("accepts tags as a comma- or space-separated string", () => {
    expect(parseDeck("---\ntags: biology, cell theory\n---\n").tags).toEqual(["biology", "cell theory"]);
    expect(parseDeck('---\ntags: "biology cells #exam"\n---\n').tags).toEqual(["biology", "cells", "exam"]);
  });

  it("excludes the H1 from context when it repeats the front matter title", () => {
    const deck = parseDeck("---\ntitle: Cells\n---\n# Cells\n\n# Tissues\n\n**Epithelium**: lining tissue\n");
    expect(deck.title).toBe("Cells");
    expect(deck.cards[0]?.context).toEqual(["Tissues"]);
  });

  it("throws DeckParseError with the file and the source line of broken YAML", () => {
    const source = "---\ntitle: Cells\ntags: [biology, cells\ndescription: x\n---\n\n# Cells\n";
    let error: unknown;
    try {
      parseDeck(source, { fileName: "cells.md" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeckParseError);
    expect(error).toMatchObject({ name: "DeckParseError", file: "cells.md" });
    const line = (error as DeckParseError).line ?? 0;
    expect(line).toBeGreaterThanOrEqual(3);
    expect(line).toBeLessThanOrEqual(5);
    expect((error as Error).message).toMatch(/^cells\.md:\d+: Invalid front matter/);
  });

  it("reports the line the yaml package points at, counted in the whole file", () => {
    const source = '---\ntitle: Cells\ndescription: "unterminated\n---\n\n# Cells\n';
    expect(() => parseDeck(source, { fileName: "x.md" })).toThrow(DeckParseError);
    expect(() => parseDeck(source, { fileName: "x.md" })).toThrow(
      /^x\.md:3: Invalid front matter: Missing closing "quote/,
    );
  });

  it("reads an unquoted value holding `: ` as Obsidian and Dendron do, and still refuses what else is broken", () => {
    const source =
      "---\nid: 4f2a\ntitle: Glossary: Cell Biology\ntags: [biology]\n---\n\nCell\tthe basic unit of life\nNucleus\tholds the DNA\n";
    expect(parseDeck(source, { fileName: "cells.md" })).toMatchObject({
      title: "Glossary: Cell Biology",
      tags: ["biology"],
      cards: [
        { front: "Cell", back: "the basic unit of life" },
        { front: "Nucleus", back: "holds the DNA" },
      ],
    });
    expect(() =>
      parseDeck("---\ntitle: Glossary: Cells\ntags: [biology\n---\n", { fileName: "x.md" }),
    ).toThrow(/^x\.md:3: Invalid front matter/);
  });

  it("rejects front matter that is not key/value pairs", () => {
    expect(() => parseDeck("---\n- just\n- a list\n---\n")).toThrow(DeckParseError);
  });
});

describe("title and slug fallbacks", () => {
  it("uses the first H1, then a readable file name", () => {
    expect(parseDeck("# Socket.io\n", { fileName: "notes/socket-io.md" })).toMatchObject({
      title: "Socket.io",
      slug: "socket-io",
    });
    expect(parseDeck("Some text\n", { fileName: "cell_biology-unit3.md" })).toMatchObject({
      title: "Cell Biology Unit3",
      slug: "cell_biology-unit3",
    });
    expect(parseDeck("Some text\n", { fileName: "HTTP-basics.md" }).title).toBe("HTTP Basics");
  });

  it("slugifies the title when there is no file name", () => {
    expect(parseDeck("# Organic Chemistry 101\n")).toMatchObject({
      title: "Organic Chemistry 101",
      slug: "organic-chemistry-101",
    });
  });

  it("does not take a question H1 as the title", () => {
    const deck = parseDeck("# What is entropy?\n\nA measure of disorder.\n", { fileName: "entropy.md" });
    expect(deck.title).toBe("Entropy");
    expect(deck.cards[0]).toMatchObject({ front: "What is entropy?", back: "A measure of disorder." });
  });
});
