/**
 * Term tables (GFM): a two-column table gives one card per body row, first column on the front and
 * second on the back; the header row names the columns and is not a card. Tables with any other
 * number of columns are data, not term lists: a warning and no cards (the author can split them).
 */
import type { Table, TableCell } from "mdast";
import { visit } from "unist-util-visit";
import type { Collector } from "./collector";
import { stringifyPhrasing } from "./markdown";
import { trimPhrasing } from "./phrasing";

/**
 * Markdown of a cell as a card side. `\|` is how a table cell spells a `|`; on a card, outside the
 * table, the backslash is noise, so it goes (inline code has already lost it in the parser).
 */
function cellMarkdown(cell: TableCell | undefined): string {
  if (!cell) return "";
  const copy = structuredClone(cell);
  visit(copy, "text", (node) => {
    if (node.data?.raw) node.data.raw = node.data.raw.replaceAll("\\|", "|");
  });
  return stringifyPhrasing(trimPhrasing(copy.children));
}

/** Adds the cards of one table (or a warning explaining why it has none). */
export function tableCards(table: Table, context: string[], out: Collector): void {
  const [header, ...body] = table.children;
  const tableLine = table.position?.start.line ?? 1;
  const columns = header?.children.length ?? 0;
  if (columns !== 2) {
    out.warn(
      tableLine,
      `Table with ${columns} columns skipped: only two-column (term | definition) tables become cards`,
    );
    return;
  }
  for (const row of body) {
    const line = row.position?.start.line ?? tableLine;
    const [termCell, definitionCell] = row.children;
    const front = cellMarkdown(termCell);
    const back = cellMarkdown(definitionCell);
    if (front === "" || back === "") {
      out.warn(line, "Table row has an empty cell; skipped");
      continue;
    }
    out.basic(front, back, line, context, "Table row");
  }
}
