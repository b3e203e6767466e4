/**
 * Notes exported from Evernote (and pasted from web editors) wrap every line in a `<div>` of its own:
 *
 *     <div><b>Compute</b></div>
 *     <div>EC2 - virtual servers in the cloud<br/></div>
 *     <div><br/></div>
 *
 * CommonMark reads the run as one HTML block, so none of its lines would be read. Each `<div>` (or
 * `<p>`) is a line of text: the block is read again as the markdown those lines spell, `<b>` as bold,
 * `<i>` as italics, an empty `<div>` as a blank line.
 */
import type { Html, RootContent } from "mdast";
import { reparsed } from "./lazy-lines";

const DIV_LINE = /^\s*<(div|p)(?:\s[^>]*)?>(.*)<\/\1>\s*$/i;

/** The blocks a run of `<div>` lines spells; undefined for any other HTML block. */
export function divLines(node: Html): RootContent[] | undefined {
  const lines = node.value.split("\n");
  if (lines.length < 2) return undefined;
  const inner: string[] = [];
  for (const line of lines) {
    const match = DIV_LINE.exec(line);
    // A nested element or a second div on the line is a page's layout, not a line of notes.
    if (!match || /<\/?(?:div|p|table|ul|ol|li)\b/i.test(match[2]!)) return undefined;
    inner.push(
      match[2]!
        .replace(/<br\s*\/?>/gi, " ")
        .replace(/<\/?(?:b|strong)>/gi, "**")
        .replace(/<\/?(?:i|em)>/gi, "*")
        .replace(/&nbsp;/g, " ")
        .trim(),
    );
  }
  return reparsed(inner.join("\n"), node.position?.start.line ?? 1);
}
