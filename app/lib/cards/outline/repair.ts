/**
 * Repairs to the parsed tree for what people type that CommonMark reads otherwise than they meant.
 * Each repair works on nodes remark produced (re-parsing a node's own source where the fix is a
 * different reading of it), so the structure still comes from the markdown parser:
 * - `###Term` (no space after the hashes, at least two of them) is a heading, also inside a list item
 *   (`1. ###Diffusion`) and on a later line of a paragraph (`#Question 1` / `##a) What ...?`, where
 *   the line alone above it is a top heading too); a single `#tag` stays an Obsidian tag.
 * - A whole note (or a top-level stretch of it) indented four spaces that reads as prose is markdown,
 *   not a code block; bullets indented a tab under a line of text are a list, not more of its lines;
 *   term lines typed flush left after a bullet are lines of their own, not more of the bullet; a
 *   numbered line right under an answer (`5. What does a hub do?`) is the next item.
 * - A line holding only `<br>` or `&nbsp;` (how OneNote and Evernote exports end a block) ends a
 *   paragraph as an empty line does (html-blank-lines.ts).
 * - An outliner's heading block (`- ## Networking` over its notes) is a heading (heading-items.ts);
 *   a heading typed inside a `<details>` toggle is a line of what it hides (details.ts).
 * - A run of lines each wrapped in a `<div>` (an Evernote export) is the lines it wraps (div-lines.ts);
 *   a table written in HTML is the markdown table it means (html-tables.ts).
 * - The Admonition plugin's fenced blocks (```` ```ad-question ````) are callouts (admonitions.ts).
 * - An Obsidian_to_Anki note's `END` right above a `---` rule is a paragraph, not a setext heading.
 * - Pipe rows without the `| --- |` delimiter row are a table, lines typed under a table without a
 *   `|` are a paragraph, and a blank header gives way to a first row naming the columns
 *   (table-repairs.ts).
 * - Noise that is never study text goes: kramdown attribute lines (`{: .notice}`, `{ #id }`), Liquid
 *   tags (`{% include toc %}`), LaTeX layout commands on their own line (`\newpage`, `\footnotesize`),
 *   placeholders (`\TODO{}`, `[TBC]`), Logseq block references (`((uuid))`), Obsidian tags on a line
 *   of their own or closing a line (`Question? #anki`), embeds on a line of their own (`![[img.png]]`),
 *   HTML comments and `<script>` / `<style>` blocks.
 * - Inline HTML people use for formatting reads as the markdown it means (inline-html.ts).
 * - A `Back:` paragraph right after a `Front:` one is one paragraph with it (front-back.ts).
 * - Checkboxes escaped in every item of a list (`- \[x] cash`) are checkboxes (escaped-checkboxes.ts).
 * A paragraph followed by an Obsidian Spaced Repetition schedule (`<!--SR:...-->`) is marked as a card
 * of that plugin (`data.srCard`), so its own separator can be found even when the note changed it.
 */
import type { Heading, Html, Nodes, Paragraph, Parent, Root, RootContent, Table, Text } from "mdast";
import { visit } from "unist-util-visit";
import { joinLines, plainText, sliceText, splitLines, trimPhrasing, type Phrasing } from "../phrasing";
import { isFenced, readsAsProse } from "./indented-code";
import { endListsAtLazyTerms, liftIndentedBullets, reparsed, splitAtNumberedLines } from "./lazy-lines";
import { liftHeadingItems } from "./heading-items";
import { splitAtHtmlBlankLines } from "./html-blank-lines";
import { admonitionCallout } from "./admonitions";
import { htmlTables } from "./html-tables";
import { unescapeCheckboxes } from "./escaped-checkboxes";
import { ankiNoteHeadingAsParagraph } from "./anki-notes";
import { headingsInsideDetails } from "./details";
import { divLines } from "./div-lines";
import { joinBackToFront } from "./front-back";
import { repairInlineHtml } from "./inline-html";
import { headerFromFirstRow, linesAfterTable, pipeRowsTable } from "./table-repairs";

declare module "mdast" {
  interface ParagraphData {
    /** Followed by an Obsidian Spaced Repetition schedule comment: the paragraph is that plugin's card. */
    srCard?: boolean;
    /** Its first line carried a flashcard tag (`#anki`, `#flashcard`, `#card`): that line is a prompt. */
    flashcardTag?: boolean;
  }
}

/** Tags flashcard plugins put on the line that is a card's front. */
const FLASHCARD_TAG = /(?:^|\s)#(?:anki|flashcards?|cards?|review|srs)(?:\/[\w/-]*)?(?=\s|$)/i;
const LEADING_FLASHCARD_TAG = /^\s*#(?:anki|flashcards?|cards?|review|srs)(?:\/[\w/-]*)?\s+/i;

/** Applies every repair, in place. */
export function repairTree(tree: Root, source: string): void {
  // First the repairs that re-read blocks from their offsets in the note, which a re-parsed block
  // (each of these repairs makes some) no longer has.
  headingsInsideDetails(tree);
  endListsAtLazyTerms(tree, source);
  liftIndentedBullets(tree, source);
  splitAtNumberedLines(tree, source);
  splitAtHtmlBlankLines(tree, source);
  liftIndentedProse(tree, source);
  // One walk does every repair: the tree of a large note is walked once, not once per repair.
  visit(tree, (node, index, parent) => {
    if (PHRASING_PARENTS.has(node.type)) repairInlineHtml(node as Parent);
    if (node.type === "heading") node.children = withoutTrailingTags(node.children);
    if (!parent || index === undefined) return undefined;
    let replacement: RootContent[] | undefined;
    if (node.type === "html")
      replacement = divLines(node) ?? htmlTables(node) ?? withoutHtmlNoise(node, parent, index);
    else if (node.type === "code") replacement = admonitionCallout(node);
    else if (node.type === "list") unescapeCheckboxes(node);
    else if (node.type === "heading") {
      const note = ankiNoteHeadingAsParagraph(node);
      if (note) replacement = [note];
    } else if (node.type === "table") {
      headerFromFirstRow(node);
      const after = linesAfterTable(node, source);
      if (after.length > 0) parent.children.splice(index + 1, 0, ...after);
    } else if (node.type === "paragraph") {
      joinBackToFront(node, parent, index);
      if (mayNeedRepair(node, source))
        replacement = repairParagraph(node, source) as RootContent[] | undefined;
    }
    if (replacement === undefined) return undefined;
    parent.children.splice(index, 1, ...replacement);
    // Walk what replaced the node (a paragraph split off a heading may itself need repairs).
    return replacement.length === 0 ? index : undefined;
  });
  // After the walk, which makes `- ##Term` a heading.
  liftHeadingItems(tree);
}

/** A glance at a paragraph's source: most hold nothing any repair is about. */
function mayNeedRepair(node: Paragraph, source: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  return /[{\\#|]|\(\(|!\[\[|TODO|TBD|TBC|WIP/.test(source.slice(start, end));
}

const PHRASING_PARENTS = new Set([
  "paragraph",
  "heading",
  "tableCell",
  "emphasis",
  "strong",
  "delete",
  "link",
]);

const lineOf = (node: Nodes): number => node.position?.start.line ?? 1;

/** Top-level indented code that reads as prose, parsed as the markdown it is. */
function liftIndentedProse(tree: Root, source: string): void {
  const children: RootContent[] = [];
  for (const block of tree.children) {
    // A few indented lines are more likely an example than a note pasted with an indent.
    const lines =
      block.type === "code" ? block.value.split("\n").filter((line) => line.trim() !== "").length : 0;
    if (block.type !== "code" || lines < 3 || isFenced(block, source) || !readsAsProse(block.value)) {
      children.push(block);
      continue;
    }
    for (const child of reparsed(block.value, lineOf(block))) children.push(child);
  }
  tree.children = children;
}

const COMMENT = /^<!--[\s\S]*-->$/;
const SCRIPT_OR_STYLE = /^<(script|style)\b[\s\S]*<\/\1>\s*$|^<(script|style)\b[^>]*\/>\s*$/i;

/**
 * Nothing in place of an HTML comment or a script/style block (undefined for other HTML); a
 * paragraph that an SR schedule follows is marked as that plugin's card.
 */
function withoutHtmlNoise(node: Html, parent: Parent, index: number): RootContent[] | undefined {
  const value = node.value.trim();
  if (!COMMENT.test(value) && !SCRIPT_OR_STYLE.test(value)) return undefined;
  const previous = parent.children[index - 1];
  if (value.startsWith("<!--SR:") && previous?.type === "paragraph") {
    previous.data = { ...previous.data, srCard: true };
  }
  return [];
}

const BROKEN_HEADING = /^(#{2,6})(?=[^\s#])/;

/** The heading `###Term` (the first line of `node`) means, its `depth` hashes dropped. */
function brokenHeading(node: Paragraph, first: Phrasing, depth: number): Heading {
  const opener = first[0] as Text;
  const title = trimPhrasing([sliceText(opener, depth), ...first.slice(1)]);
  const closing = title.at(-1);
  if (closing?.type === "text")
    title[title.length - 1] = sliceText(closing, 0, closing.value.replace(/\s+#+\s*$/, "").length);
  const line = lineOf(node);
  const position = node.position && { start: node.position.start, end: { ...node.position.start, line } };
  return { type: "heading", depth: depth as Heading["depth"], children: title, position };
}

/** `##a) What does fork() return?`, `##2. ...`: a part of an exam paper (`##x pastes x` is C). */
const EXAM_PART = /^#{2,6}(?:\(?[a-h]\)|\d+[.)]|Q(?:uestion)?\s*\d)/i;

function opensBrokenHeading(line: Phrasing): boolean {
  const opener = line[0];
  return opener?.type === "text" && BROKEN_HEADING.test(opener.value);
}
// Lines that are never study text (see the file comment).
const NOISE_LINE = [
  /^\{:[^}]*\}$/, // kramdown IAL
  /^\{\s*#[\w-]+\s*\}$/, // block attribute
  /^\{%.*%\}$/, // Liquid
  /^\\(?:newpage|clearpage|pagebreak|footnotesize|normalsize|scriptsize|tiny|small|large|Large|LARGE|huge|Huge|noindent|centering|medskip|bigskip|smallskip|hfill|vfill|[vh]space\*?\{[^}]*\})$/,
  /^\\TODO\{[^}]*\}$/,
  /^\[?(?:TODO|TBD|TBC|WIP)\]?\.?$/,
  /^(?:\(\([0-9a-f-]{36}\)\)\s*)+$/, // Logseq block references
  /^(?:#[\p{L}][\p{L}\p{N}_/-]*\s*)+$/u, // Obsidian tags
  /^(?:!\[\[[^\]]*\]\]\s*)+$/, // Obsidian embeds
];
// `^`: a tag glued to the bold or code before it (`**What is osmolarity?**#card`).
const TRAILING_TAGS = /(?:(?:^|\s+)#[\p{L}][\p{L}\p{N}_/-]*)+\s*$/u;
const BLOCK_REFERENCE = /\(\([0-9a-f]{8}-[0-9a-f-]{27}\)\)/g;

function isNoiseLine(line: Phrasing): boolean {
  const text = plainText(line).trim();
  return (
    text !== "" &&
    line.every((node) => node.type === "text") &&
    NOISE_LINE.some((pattern) => pattern.test(text))
  );
}

/** A line without the Obsidian tags that close it (`What is X? #anki`). */
function withoutTrailingTags(line: Phrasing): Phrasing {
  const last = line.at(-1);
  if (last?.type !== "text" || !last.value.includes("#")) return line;
  const match = TRAILING_TAGS.exec(last.value);
  if (!match || (match.index === 0 && line.length === 1)) return line;
  return trimPhrasing([...line.slice(0, -1), sliceText(last, 0, match.index)]);
}

/** `#card What gas do plants absorb?`: Logseq's flashcard tag typed before the front. */
function withoutLeadingFlashcardTag(line: Phrasing): Phrasing {
  const first = line[0];
  const tag = first?.type === "text" ? LEADING_FLASHCARD_TAG.exec(first.value) : null;
  if (!tag || first?.type !== "text" || plainText(line).trim() === tag[0].trim()) return line;
  return trimPhrasing([sliceText(first, tag[0].length), ...line.slice(1)]);
}

function withoutBlockReferences(line: Phrasing): Phrasing {
  if (!line.some((node) => node.type === "text" && node.value.includes("(("))) return line;
  return line.map((node) =>
    node.type === "text" && node.value.includes("((")
      ? { type: "text", value: node.value.replace(BLOCK_REFERENCE, "").trimEnd() }
      : node,
  );
}

/**
 * A paragraph repaired: noise lines gone, a glued `###Heading` split off, pipe rows as a table.
 * Undefined when it needs no repair.
 */
function repairParagraph(node: Paragraph, source: string): (Paragraph | Heading | Table)[] | undefined {
  const lines = splitLines(node.children);
  const lastOfFirst = lines[0]?.at(-1);
  const tagged =
    lastOfFirst?.type === "text" && FLASHCARD_TAG.test(lastOfFirst.value) && !isNoiseLine(lines[0]!);
  if (tagged) node.data = { ...node.data, flashcardTag: true };
  const kept = lines
    .map((line, at) => {
      const untagged = withoutTrailingTags(withoutBlockReferences(line));
      return tagged && at === 0 ? withoutLeadingFlashcardTag(untagged) : untagged;
    })
    .filter((line) => !isNoiseLine(line));
  const changed = kept.length !== lines.length || kept.some((line, at) => line !== lines[at]);
  if (kept.every((line) => trimPhrasing(line).length === 0)) return [];
  const table = pipeRowsTable(node, source);
  if (table) return [table];
  // `#Question 2` / `##a) What does fork() return?` / its answer / `##b) ...`: headings typed
  // without their space, one under another in a paragraph that opens with one (or exam parts).
  const opener = kept[0]![0];
  const headed = opener?.type === "text" && /^#{1,6}(?=[^\s#])/.test(opener.value);
  const starts = kept.flatMap((line, at) =>
    at > 0 && opensBrokenHeading(line) && (headed || EXAM_PART.test(plainText(line))) ? [at] : [],
  );
  if (starts.length > 0) {
    const line = lineOf(node);
    const part = (from: number, to: number): Paragraph => ({
      type: "paragraph",
      children: trimPhrasing(joinLines(kept.slice(from, to))),
      // Offsets only where they are the paragraph's own: they would point into the other piece.
      position: node.position && {
        start: from === 0 ? node.position.start : { line: line + from, column: 1 },
        end: to === kept.length ? node.position.end : { line: line + to - 1, column: 1 },
      },
      data: from === 0 ? node.data : undefined,
    });
    const bounds = [0, ...starts, kept.length];
    // Each piece opens with one heading and holds no other: repaired once, so the work stays linear.
    return bounds.slice(0, -1).flatMap((from, at) => {
      const piece = part(from, bounds[at + 1]!);
      // `#Question 1` alone over them: a top heading typed the same way, not an Obsidian tag.
      if (from === 0 && bounds[1] === 1 && !BROKEN_HEADING.test(plainText(kept[0]!)))
        return [brokenHeading(piece, kept[0]!, 1)];
      return repairParagraph(piece, source) ?? [piece];
    });
  }
  const first = kept[0]!;
  const hashes = opener?.type === "text" ? BROKEN_HEADING.exec(opener.value) : null;
  if (opener?.type === "text" && hashes) {
    const line = lineOf(node);
    const heading = brokenHeading(node, first, hashes[1]!.length);
    const rest = kept.slice(1);
    if (rest.length === 0) return [heading];
    const body: Paragraph = {
      type: "paragraph",
      children: trimPhrasing(joinLines(rest)),
      position: node.position && {
        start: { ...node.position.start, line: line + 1 },
        end: node.position.end,
      },
      data: node.data,
    };
    return [heading, body];
  }
  if (!changed) return undefined;
  return [{ ...node, children: trimPhrasing(joinLines(kept)), data: node.data }];
}
