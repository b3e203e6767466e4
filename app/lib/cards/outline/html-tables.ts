/**
 * A table written in HTML (`<table><tr><th>Name</th><th>Description</th>...`), as GitBook and Notion
 * exports and wide glossaries are: the markdown table it means, so that its rows are read as a
 * pipe table's are. Only an HTML block that holds tables and nothing else.
 */
import type { Element, ElementContent } from "hast";
import type { Html, RootContent, Table } from "mdast";
import { isLinkOrImageOnly, type Phrasing } from "../phrasing";
import { htmlParser, mdastOf } from "./html-to-mdast";
import { headerFromFirstRow } from "./table-repairs";

/** The tables an HTML block holds, placed where the block is; undefined unless it holds only tables. */
export function htmlTables(node: Html): RootContent[] | undefined {
  if (!/^\s*<table\b/i.test(node.value) || !/<\/table>\s*$/i.test(node.value)) return undefined;
  const parts = htmlParser
    .parse(node.value)
    .children.filter(
      (child) => !(child.type === "text" && child.value.trim() === "") && child.type !== "comment",
    );
  if (!parts.every((child): child is Element => child.type === "element" && child.tagName === "table"))
    return undefined;
  const tables = mdastOf(parts as ElementContent[]).filter((block) => block.type === "table");
  // `<td><a href="lesson3.md">Previous</a></td><td><a ...>Next</a></td>`: a page's navigation.
  if (tables.length === 0 || tables.every(linksOnly)) return undefined;
  for (const table of tables) {
    table.position = node.position;
    // Rows without `<th>` come under an empty header row, which a first row naming columns takes.
    headerFromFirstRow(table, 2);
  }
  return tables;
}

/** Whether every cell of a table is a link or empty. */
function linksOnly(table: Table): boolean {
  return table.children.every((row) =>
    row.children.every((cell) => cell.children.length === 0 || isLinkOrImageOnly(cell.children as Phrasing)),
  );
}
