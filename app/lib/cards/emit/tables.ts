/**
 * Term tables (GFM): one card per body row. A two-column table: first column on the front, second on
 * the back. A wider table counts where a header names the column that explains the first one
 * (`Description`, `Meaning`, `Definition`, `English` ...): `| Operator | Description | Example |`.
 * A first column that only numbers the rows is passed over: the terms are in the second.
 * Other wide tables are comparisons or data, not term lists: a warning and no cards. A table whose
 * header row is empty (unless two columns of words and definitions), a row with an empty cell, or an
 * answer that is only `???` make no cards.
 * A cell's `\|` (how a table cell spells `|`) shows as `|`; `<br>` breaks stay line breaks.
 */
import type { Table, TableCell } from "mdast";
import { visit } from "unist-util-visit";
import { stringifyPhrasing } from "../markdown";
import { plainText, trimPhrasing } from "../phrasing";
import { explainingColumn, isTableOfContents, termColumn } from "../prompts/term-tables";
import type { Collector } from "./collector";

function cellMarkdown(cell: TableCell | undefined): string {
  if (!cell) return "";
  const copy = structuredClone(cell);
  visit(copy, "text", (node) => {
    if (node.data?.raw) node.data.raw = node.data.raw.replaceAll("\\|", "|");
  });
  return stringifyPhrasing(trimPhrasing(copy.children));
}

/** A cell holding a short name in words: at most six, a word in it (not `___a`, an ending), no image. */
function namesTerm(cell: TableCell | undefined): boolean {
  const text = plainText(cell?.children ?? []).trim();
  return (
    /\p{L}{2}|\p{Script=Han}/u.test(text) &&
    text.split(/\s+/).length <= 6 &&
    !(cell?.children ?? []).some((node) => node.type === "image" || node.type === "imageReference")
  );
}

/** Adds the cards of one table (or a warning explaining why it has none). */
export function tableCards(table: Table, context: string[], out: Collector): void {
  const [header, ...body] = table.children;
  const tableLine = table.position?.start.line ?? 1;
  const columns = header?.children.length ?? 0;
  // A table of contents links to cards elsewhere in the note: nothing to say about it.
  if (isTableOfContents(table)) return;
  const column = explainingColumn(table);
  const terms = termColumn(table);
  if (column === undefined) {
    out.warn(
      tableLine,
      `Table with ${columns} columns skipped: only term | definition tables (or a Description column) become cards`,
    );
    return;
  }
  // `| | |` over `| Backbone | Il troncone principale ... |`: a glossary of two columns, its header left
  // empty because GFM needs one; rows of anything else (images, numbers) have no term to ask.
  const glossary = columns === 2 && body.length > 0 && body.every((row) => namesTerm(row.children[0]));
  if (header && !glossary && header.children.every((cell) => plainText(cell.children).trim() === "")) {
    out.warn(tableLine, "Table without a header skipped: name its columns to make cards of it");
    return;
  }
  for (const row of body) {
    const line = row.position?.start.line ?? tableLine;
    const front = cellMarkdown(row.children[terms]);
    const back = cellMarkdown(row.children[column]);
    if (front === "" || back === "" || /^\?+$/.test(back.trim())) {
      if (front !== "" || back !== "") out.warn(line, "Table row has an empty cell; skipped");
      continue;
    }
    // A term list: the term column names what the explaining column defines.
    out.basic(front, back, line, context, "Table row", { term: true });
  }
}
