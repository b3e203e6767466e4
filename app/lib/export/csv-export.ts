import type { Db } from "@/app/lib/database/client";
import { loadExportDeck } from "./deck-notes";

export const csvColumns = ["front", "back", "kind", "context", "line"] as const;

/** Leading characters that make Excel, LibreOffice and Google Sheets run a cell as a formula (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or leading/trailing space). Text
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) is defused the way
 * OWASP's CSV-injection guidance says: a single quote before it, inside a quoted field, so a
 * spreadsheet takes the cell as text instead of running it. Numbers are left alone.
 *
 * @example csvField("=HYPERLINK(\"http://x\")") === `"'=HYPERLINK(""http://x"")"`
 */
export function csvField(value: string | number): string {
  const text = String(value);
  if (typeof value === "string" && formulaStart.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, CRLF line ends as RFC 4180 asks. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export interface CsvOptions {
  /**
   * Start with Anki's file headers (`#separator:comma`, `#html:false`, `#columns:...`) instead of
   * a header row: Anki (2.1.55+) then names the columns and imports no header note. Other CSV
   * readers see three extra lines starting with `#`. Anki keeps the `'` that defuses a side starting
   * with `=`, `+`, `-` or `@` (see {@link csvField}): the file may still be opened in a spreadsheet.
   */
  ankiHeaders?: boolean;
  /** Who exports: only a deck they can see. */
  userId: string;
}

/**
 * A deck's live cards as CSV: a header row `front,back,kind,context,line`, then one row per card,
 * sides as markdown, context as its headings joined with " > ". Anki imports it as Basic notes
 * (File > Import, comma separator, allow HTML off); with `ankiHeaders` it needs no settings at all.
 */
export async function exportDeckCsv(
  prisma: Db,
  slug: string,
  options: CsvOptions,
): Promise<{ fileName: string; csv: string }> {
  const deck = await loadExportDeck(prisma, slug, options.userId);
  const rows = deck.cards.map((card) => [
    card.front,
    card.back,
    card.kind,
    card.context.join(" > "),
    card.line,
  ]);
  if (options.ankiHeaders) {
    const headers = `#separator:comma\r\n#html:false\r\n#columns:${csvColumns.join(",")}\r\n`;
    return { fileName: `${deck.slug}.csv`, csv: headers + toCsv(rows) };
  }
  return { fileName: `${deck.slug}.csv`, csv: toCsv([csvColumns, ...rows]) };
}
