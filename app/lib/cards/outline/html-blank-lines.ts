/**
 * OneNote and Evernote exports end blocks with a line holding only `<br>` or `&nbsp;`, never an
 * empty line:
 *
 *     **Strain theory**<br>
 *     Crime results when goals cannot be reached legitimately.<br>
 *     <br>
 *     **Labelling theory**<br>
 *
 * CommonMark reads all of it as one paragraph, so the first term swallows the rest of the note. Such
 * a line ends a paragraph as an empty line would (the paragraph is re-read from the note's source
 * with those lines emptied).
 */
import type { Root, RootContent } from "mdast";
import { reparsed } from "./lazy-lines";

// `\s` covers U+00A0 already; naming it twice would make the match exponential in a run of them.
const HTML_BLANK_LINE = /^(?:\s|<br\s*\/?>|&nbsp;|&#160;)*$/i;

/** Splits top-level paragraphs at lines that hold only `<br>` or `&nbsp;`, in place. */
export function splitAtHtmlBlankLines(tree: Root, source: string): void {
  if (!/(?:<br|&nbsp;|&#160;|\u00a0)/i.test(source)) return;
  const children: RootContent[] = [];
  for (const block of tree.children) {
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    if (block.type !== "paragraph" || start === undefined || end === undefined) {
      children.push(block);
      continue;
    }
    const text = source.slice(start, end);
    // A reference link or footnote would lose its definition elsewhere in the note if re-read alone.
    const lines = /\]\[|\[\^/.test(text) ? [] : text.split("\n");
    const blank = lines.map((line) => line.trim() !== "" && HTML_BLANK_LINE.test(line));
    if (!blank.some(Boolean)) {
      children.push(block);
      continue;
    }
    // Indentation means nothing inside a paragraph, but would make code of a line starting a new one.
    const markdown = lines.map((line, at) => (blank[at] ? "" : line.trimStart())).join("\n");
    children.push(...reparsed(markdown, block.position!.start.line));
  }
  tree.children = children;
}
