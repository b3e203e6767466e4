import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retitleMarkdown } from "@/app/lib/browser-decks/retitle-markdown";
import { renameBrowserDeck } from "@/app/lib/browser-decks/rename-browser-deck";
import {
  addBrowserDeck,
  BrowserDeckError,
  updateBrowserDeck,
} from "@/app/lib/browser-decks/save-browser-deck";
import { renameDeckSchema } from "@/app/lib/actions/rename-deck-schema";
import { parseText } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const localAccessor = { userId: "local", accounts: false };

const body = "- What is a cell?\n  A unit of life\n";
const titleOf = (markdown: string) => parseText(markdown, "x.md", "x.md").title;

describe("retitleMarkdown", () => {
  it("replaces a first # heading", () => {
    const out = retitleMarkdown(`# Cells\n\n${body}`, "Cell biology");
    expect(out).toBe(`# Cell biology\n\n${body}`);
    expect(titleOf(out)).toBe("Cell biology");
  });
  it("replaces a front matter title, a multi-line one whole", () => {
    const out = retitleMarkdown(`---\ntitle: >\n  Old\n  name\ntags: [a]\n---\n# Heading\n\n${body}`, "New");
    expect(out).toBe(`---\ntitle: "New"\ntags: [a]\n---\n# Heading\n\n${body}`);
    expect(titleOf(out)).toBe("New");
  });
  it("adds a title to front matter without one, or front matter where there is none", () => {
    expect(titleOf(retitleMarkdown(`---\ntags: [a]\n---\n\n${body}`, "With tags"))).toBe("With tags");
    const out = retitleMarkdown(body, 'Quotes "and" colons: ok');
    expect(out.startsWith("---\n")).toBe(true);
    expect(titleOf(out)).toBe('Quotes "and" colons: ok');
  });
  it("ignores a # line inside a code fence", () => {
    const out = retitleMarkdown("```sh\n# comment\n```\n\n" + body, "Shell");
    expect(out).toContain("# comment");
    expect(titleOf(out)).toBe("Shell");
  });
});

describe("renameDeckSchema", () => {
  it("refuses an empty, too long or multi-line name with a clear message", () => {
    const message = (title: unknown) =>
      renameDeckSchema.safeParse({ slug: "a", title }).error?.issues[0]?.message;
    expect(message("   ")).toBe("Give the deck a name.");
    expect(message(null)).toBe("Give the deck a name.");
    expect(message("x".repeat(201))).toMatch(/at most 200/);
    expect(message("two\nlines")).toMatch(/one line/);
    expect(renameDeckSchema.parse({ slug: "a", title: "  Cells  " }).title).toBe("Cells");
  });
});

describe.each(testProviders)("renameBrowserDeck on %s", (provider) => {
  let db: TestDatabase;
  const now = new Date(2026, 2, 10, 12);
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(async () => db?.destroy());

  it("renames a browser deck, keeps its slug and cards, and the name survives a later edit", async () => {
    const saved = await addBrowserDeck(db.prisma, { markdown: `# Cells\n\n${body}` }, now, "local");
    const before = await db.prisma.card.findMany({ where: { deck: { slug: saved.slug } } });

    const renamed = await renameBrowserDeck(
      db.prisma,
      { slug: saved.slug, title: "Cell biology" },
      now,
      localAccessor,
    );
    expect(renamed).toMatchObject({ slug: saved.slug, title: "Cell biology" });
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { slug: saved.slug } });
    expect(deck.title).toBe("Cell biology");
    expect((await db.prisma.card.findMany({ where: { deckId: deck.id } })).map((card) => card.id)).toEqual(
      before.map((card) => card.id),
    );

    await updateBrowserDeck(
      db.prisma,
      { slug: saved.slug, markdown: `${deck.source}- What is DNA?\n  A molecule\n` },
      now,
      localAccessor,
    );
    expect((await db.prisma.deck.findUniqueOrThrow({ where: { slug: saved.slug } })).title).toBe(
      "Cell biology",
    );
  });

  it("refuses to rename a deck from a notes file, naming the file", async () => {
    await db.prisma.deck.create({ data: { slug: "atoms", title: "Atoms", sourcePath: "content/atoms.md" } });
    await expect(
      renameBrowserDeck(db.prisma, { slug: "atoms", title: "X" }, now, localAccessor),
    ).rejects.toThrow(
      new BrowserDeckError('"Atoms" comes from content/atoms.md: change its title in that file.'),
    );
    await expect(
      renameBrowserDeck(db.prisma, { slug: "nope", title: "X" }, now, localAccessor),
    ).rejects.toBeInstanceOf(BrowserDeckError);
  });
});
