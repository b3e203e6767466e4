/**
 * Tables as people type them: pipe rows with no `| --- |` delimiter row are a table (the first row
 * its header), lines typed straight under a table without a `|` are a paragraph, not rows, and a
 * blank header over a first row that names the columns gives way to that row.
 */
import type { Paragraph, RootContent, Table } from "mdast";
import { visit } from "unist-util-visit";
import { parseMarkdown } from "../markdown";
import { plainText } from "../phrasing";

/**
 * `|  |  |  |` / `| --- | --- | --- |` / `| Structure | Description | Function |`: editors that
 * insert a table with an empty header leave the names in the first row. That row is the header.
 * `minColumns`: fewer columns than that, the first row may be a row (2 where the empty header is
 * only an HTML table's missing `<th>`).
 */
export function headerFromFirstRow(table: Table, minColumns = 3): void {
  const [header, first] = table.children;
  const blank = header?.children.every((cell) => plainText(cell.children).trim() === "");
  // Three columns or more, one named as a definition is (`| sin | function |` may be a row).
  const names = first?.children.some(
    (cell, index) => index > 0 && COLUMN_NAME.test(plainText(cell.children).trim()),
  );
  if (blank && names && (first?.children.length ?? 0) >= minColumns && table.children.length > 2)
    table.children.shift();
}

/** Names of a column that defines the first one, as no row's cell reads. */
const COLUMN_NAME = /^(?:description|descriptions|definition|definitions|meaning|meanings|explanation)$/i;

const lineOf = (node: { position?: { start: { line: number } } }): number => node.position?.start.line ?? 1;

/**
 * GFM keeps reading table rows until a blank line, so lines written straight under a table without
 * a single `|` (`STDIN - Refers to the standard input`) become one-cell rows. They are the paragraph
 * the author wrote: cut from the table and parsed as such.
 */
export function linesAfterTable(table: Table, source: string): RootContent[] {
  const rows = table.children;
  const firstLoose = rows.findIndex((row, at) => {
    const start = row.position?.start.offset;
    const end = row.position?.end.offset;
    return at > 1 && start !== undefined && end !== undefined && !source.slice(start, end).includes("|");
  });
  if (firstLoose === -1) return [];
  const loose = rows.slice(firstLoose);
  const from = loose[0]!.position!.start;
  const to = loose.at(-1)!.position!.end;
  table.children = rows.slice(0, firstLoose);
  if (table.position) table.position.end = rows[firstLoose - 1]!.position!.end;
  const parsed = parseMarkdown(source.slice(from.offset, to.offset));
  const shift = from.line - 1;
  visit(parsed, (node) => {
    if (!node.position) return;
    node.position.start.line += shift;
    node.position.end.line += shift;
    if (node.position.start.offset !== undefined) node.position.start.offset += from.offset!;
    if (node.position.end.offset !== undefined) node.position.end.offset += from.offset!;
  });
  return parsed.children;
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;

/**
 * `|Fossil|Image|Description|` rows with no `| --- |` delimiter: the first row is the header. The
 * paragraph's own source is parsed again with the delimiter row it lacks.
 */
export function pipeRowsTable(node: Paragraph, source: string): Table | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const rows = source.slice(start, end).split("\n");
  if (rows.length < 2 || !rows.every((row) => PIPE_ROW.test(row))) return undefined;
  const cells = (row: string) => row.trim().slice(1, -1).split("|").length;
  const columns = cells(rows[0]!);
  if (columns < 2 || !rows.every((row) => cells(row) === columns)) return undefined;
  const delimiter = `|${" --- |".repeat(columns)}`;
  const [table] = parseMarkdown([rows[0], delimiter, ...rows.slice(1)].join("\n")).children;
  if (table?.type !== "table") return undefined;
  const line = lineOf(node);
  visit(table, (child) => {
    if (!child.position) return;
    // Rows after the header sat one line higher before the delimiter row was added.
    const shift = child.position.start.line > 1 ? line - 2 : line - 1;
    child.position.start.line += shift;
    child.position.end.line += shift;
    delete child.position.start.offset;
    delete child.position.end.offset;
  });
  return table;
}
