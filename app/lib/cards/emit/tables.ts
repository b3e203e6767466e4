/**
 * Term tables (GFM): one card per body row. A two-column table: first column on the front, second on
 * the back. A wider table counts where a header names the column that explains the first one
 * (`Description`, `Meaning`, `Definition`, `English` ...): `| Operator | Description | Example |`.
 * Other wide tables are comparisons or data, not term lists: a warning and no cards. A table whose
 * header row is empty, a row with an empty cell, or an answer that is only `???` make no cards.
 * A cell's `\|` (how a table cell spells `|`) shows as `|`; `<br>` breaks stay line breaks.
 */
import type { Table, TableCell } from "mdast";
import { visit } from "unist-util-visit";
import { stringifyPhrasing } from "../markdown";
import { plainText, trimPhrasing } from "../phrasing";
import type { Collector } from "./collector";

// The same headers in the languages learners keep vocabulary in: `| Begriff | Bedeutung | Beispiel |`.
const EXPLAINING_COLUMN =
  /^(description|descriptions|definition|definitions|meaning|meanings|explanation|english|eng|translation|answer|back|what it does|purpose|function|use|used for|notes?|bedeutung|erklärung|übersetzung|englisch|significado|definición|traducción|inglés|signification|sens|définition|traduction|anglais|significato|definizione|traduzione|inglese|tradução|definição|inglês|意思|含义|释义|意義|意味|定义|定義|翻译|英文|英語|뜻|의미|번역)$/iu;

function cellMarkdown(cell: TableCell | undefined): string {
  if (!cell) return "";
  const copy = structuredClone(cell);
  visit(copy, "text", (node) => {
    if (node.data?.raw) node.data.raw = node.data.raw.replaceAll("\\|", "|");
  });
  return stringifyPhrasing(trimPhrasing(copy.children));
}

/** The column that explains the first one, or undefined when the table is not a term list. */
export function explainingColumn(table: Table): number | undefined {
  const header = table.children[0]?.children ?? [];
  if (header.length === 2) return 1;
  const at = header.findIndex(
    (cell, index) => index > 0 && EXPLAINING_COLUMN.test(plainText(cell.children).trim()),
  );
  return at === -1 ? undefined : at;
}

/** Adds the cards of one table (or a warning explaining why it has none). */
export function tableCards(table: Table, context: string[], out: Collector): void {
  const [header, ...body] = table.children;
  const tableLine = table.position?.start.line ?? 1;
  const columns = header?.children.length ?? 0;
  const column = explainingColumn(table);
  if (column === undefined) {
    out.warn(
      tableLine,
      `Table with ${columns} columns skipped: only term | definition tables (or a Description column) become cards`,
    );
    return;
  }
  if (header && header.children.every((cell) => plainText(cell.children).trim() === "")) {
    out.warn(tableLine, "Table without a header skipped: name its columns to make cards of it");
    return;
  }
  for (const row of body) {
    const line = row.position?.start.line ?? tableLine;
    const front = cellMarkdown(row.children[0]);
    const back = cellMarkdown(row.children[column]);
    if (front === "" || back === "" || /^\?+$/.test(back.trim())) {
      if (front !== "" || back !== "") out.warn(line, "Table row has an empty cell; skipped");
      continue;
    }
    // A term list: the first column names what the explaining column defines.
    out.basic(front, back, line, context, "Table row", { term: true });
  }
}
