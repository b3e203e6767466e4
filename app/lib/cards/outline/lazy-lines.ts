/**
 * Lines CommonMark reads into the paragraph above them where the author meant lines of their own
 * (repairs called from repair.ts, re-parsing the note's own source):
 * - bullets indented a tab under a line of text (`I. Memory stages` / TAB`- sensory memory: ...`),
 *   which cannot interrupt the paragraph;
 * - term lines typed flush left after a nested bullet (lazy continuation of its paragraph), and a
 *   bold term alone typed under a bullet, over the bullets that define it;
 * - a numbered line other than `1.` typed right under a line of text (`5. What does a hub do?`),
 *   which cannot interrupt a paragraph either.
 * A line "reads as a term line" when it opens with a short term and a separator (`**Humanism**: ...`,
 * `sfumato: ...`, `Ion - ...`): only a first look at the source; the prompts read it properly.
 */
import type { List, ListItem, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import { parseMarkdown } from "../markdown";

const lineOf = (node: RootContent): number => node.position?.start.line ?? 1;

/** `markdown` parsed, its lines counted from `line` of the note (offsets dropped: they would point elsewhere). */
export function reparsed(markdown: string, line: number): RootContent[] {
  const lifted = parseMarkdown(markdown);
  visit(lifted, (node) => {
    if (!node.position) return;
    node.position.start.line += line - 1;
    node.position.end.line += line - 1;
    delete node.position.start.offset;
    delete node.position.end.offset;
  });
  return lifted.children;
}

/** A bullet indented a tab or four spaces: CommonMark makes it a line of the paragraph above. */
const INDENTED_BULLET = /^(?:\t| {4})[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S/;

/**
 * `II. Encoding` over tab-indented `- effortful processing: ...` bullets: the bullets cannot
 * interrupt the paragraph, so CommonMark joins them to it as text. Read as the line and its list.
 */
export function liftIndentedBullets(tree: Root, source: string): void {
  const children: RootContent[] = [];
  for (const block of tree.children) {
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    const lines =
      block.type === "paragraph" && start !== undefined ? source.slice(start, end).split("\n") : [];
    // Only a line over a run of term bullets: `Mitosis` or `Photosynthesis: ...` over indented
    // bullets reads as the term and its answer lines already.
    const bullets = lines.slice(1).filter((line) => INDENTED_BULLET.test(line));
    // The outermost bullets name the terms; bullets nested deeper under them are their notes.
    const indent = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length;
    const outermost = Math.min(...bullets.map(indent));
    const terms = bullets
      .filter((line) => indent(line) === outermost)
      .every((line) => TERM_LINE.test(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")));
    // `**Photosynthesis**` over `- **Where:** ...` bullets: a term over its facts, not a title over terms.
    const termAbove = /^(?:\*\*[^*:：\n]{1,60}\*\*|__[^_:：\n]{1,60}__)[ \t]*$/.test(lines[0]!);
    if (
      bullets.length < 2 ||
      bullets.length < lines.length - 1 ||
      !terms ||
      termAbove ||
      TERM_LINE.test(lines[0]!)
    ) {
      children.push(block);
      continue;
    }
    const dedented = lines.map((line, at) => (at === 0 ? line : line.replace(/^(?:\t| {4})/, "")));
    for (const child of reparsed(dedented.join("\n"), lineOf(block))) children.push(child);
  }
  tree.children = children;
}

/**
 * A line that opens with a term and its separator: `**Humanism**: ...`, `**Solvent:** ...` (the colon
 * inside the bold), `sfumato: ...`, `Ion - ...`.
 */
const TERM_LINE =
  /^(?:(?:\*\*[^*\n]+\*\*|__[^_\n]+__|\*[^*\n]+\*|[^\s:*#>|-][^:\n]{0,50}?)\s*(?:[:：](?=\s)|\s(?:[-–—=→]|->)\s)|\*\*[^*\n]+[:：]\*\*\s|__[^_\n]+[:：]__\s)\s*\S/u;

/** A line that is nothing but a bold term: `**Cerebellum**`, `__Cerebellum:__`. */
const BOLD_ALONE = /^(?:\*\*[^*\n]{1,60}\*\*|__[^_\n]{1,60}__)[ \t]*:?[ \t]*$/;

/** A line numbered `2.` to `999.` (or `2)`): only `1.` may interrupt a paragraph in CommonMark. */
const NUMBERED_LINE = /^(?:[2-9]|[1-9]\d{1,2})[.)][ \t]+\S/;
const MAX_NUMBERED_CUTS = 200;

/**
 * `forwards frames inside one network` / `5. What does a hub do?`: an answer with the next numbered
 * question typed right under it. CommonMark reads the question as more of the answer's paragraph;
 * it is the next item. Only top-level paragraphs whose numbered lines follow each other in order
 * after the number of the list above them (or each other), so a wrapped line opening with a
 * number stays.
 */
export function splitAtNumberedLines(tree: Root, source: string): void {
  const children: RootContent[] = [];
  let lastNumber: number | undefined;
  for (const block of tree.children) {
    const start = block.position?.start.offset;
    const end = block.position?.end.offset;
    if (block.type !== "paragraph" || start === undefined || end === undefined) {
      lastNumber =
        block.type === "list" && block.ordered ? (block.start ?? 1) + block.children.length - 1 : undefined;
      children.push(block);
      continue;
    }
    const lines = source.slice(start, end).split("\n");
    const cuts = lines.flatMap((line, at) => (at > 0 && NUMBERED_LINE.test(line) ? [at] : []));
    const numbers = cuts.map((at) => parseInt(lines[at]!, 10));
    // Each piece is parsed on its own: a bound on that work, far past any note's run of questions.
    const inOrder =
      cuts.length > 0 &&
      cuts.length <= MAX_NUMBERED_CUTS &&
      lastNumber !== undefined &&
      numbers.every((number, at) => number > (at === 0 ? lastNumber! : numbers[at - 1]!));
    if (!inOrder) {
      children.push(block);
      continue;
    }
    lastNumber = numbers.at(-1);
    // Each piece parsed on its own, from its own line, so every line keeps its number.
    const bounds = [0, ...cuts, lines.length];
    for (let piece = 0; piece + 1 < bounds.length; piece++) {
      const text = lines.slice(bounds[piece], bounds[piece + 1]).join("\n");
      for (const child of reparsed(text, lineOf(block) + bounds[piece]!)) children.push(child);
    }
  }
  tree.children = children;
}

/**
 * `**fresco**: ...` / `  - *fresco secco* = ...` / `**Humanism**: ...` / `sfumato: ...`: term lines
 * typed after a nested bullet, flush left; or a bold term alone typed after a bullet, with the
 * bullets that define it under it (`- ...` / `**Cerebellum**` / `- Coordinates movement`). CommonMark continues the bullet's paragraph with them
 * (lazy continuation), so they became part of its text; they are meant as lines of their own.
 */
export function endListsAtLazyTerms(tree: Root, source: string): void {
  const children: RootContent[] = [];
  for (const block of tree.children) {
    const split = block.type === "list" ? lazyTermsIn(block, source) : undefined;
    if (!split) {
      children.push(block);
      continue;
    }
    for (const part of split) for (const child of reparsed(part.text, part.line)) children.push(child);
  }
  tree.children = children;
}

/**
 * The list's source cut where items' last paragraphs took in flush-left term lines: the list up to
 * the first such lines, the lines, the list on to the next, ... and the rest of the list.
 * Undefined when no item did.
 */
function lazyTermsIn(list: List, source: string): { text: string; line: number }[] | undefined {
  const start = list.position?.start.offset;
  const end = list.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const pieces: { text: string; line: number }[] = [];
  let from = lineStart;
  let line = lineOf(list);
  for (const item of list.children) {
    const lazy = lazyLinesOf(item, list, source);
    if (!lazy) continue;
    pieces.push({ text: source.slice(from, lazy.cut - 1), line });
    pieces.push({ text: source.slice(lazy.cut, lazy.to), line: lazy.line });
    from = lazy.to;
    line = lazy.endLine;
  }
  if (pieces.length === 0) return undefined;
  pieces.push({ text: source.slice(from, end), line });
  return pieces;
}

/** Where `item`'s last paragraph took in flush-left term lines (offsets into the note), if it did. */
function lazyLinesOf(
  item: ListItem,
  list: List,
  source: string,
): { cut: number; to: number; line: number; endLine: number } | undefined {
  // The last paragraph of a bullet nested in the item or indented under a line (`  - *stretto*
  // = ...`): a top-level bullet's flush-left lines are as often its own text wrapped, unless two
  // or more of them follow it, term lines as the bullet is (`- Convection - ...` / `Density - ...`
  // / `Pressure - ...`): the first, and three in four of them.
  let paragraph = item.children.at(-1);
  const indented = (list.position?.start.column ?? 1) > 1;
  const topLevel = paragraph?.type !== "list" && !indented;
  while (paragraph?.type === "list") paragraph = paragraph.children.at(-1)?.children.at(-1);
  const from = paragraph?.position?.start.offset;
  const to = paragraph?.position?.end.offset;
  if (paragraph?.type !== "paragraph" || from === undefined || to === undefined) return undefined;
  const lines = source.slice(from, to).split("\n");
  const lazy = lines.findIndex(
    (line, at) => at > 0 && /^\S/.test(line) && !/^(?:[-*+]|\d+[.)])\s/.test(line),
  );
  if (lazy === -1) return undefined;
  // `- ...` / `**Cerebellum**` / `- Coordinates movement`: a bold term alone heads the bullets after it.
  const boldHead =
    lazy === lines.length - 1 && BOLD_ALONE.test(lines[lazy]!) && item !== list.children.at(-1);
  if (!boldHead) {
    if (!TERM_LINE.test(lines[0]!.trim())) return undefined;
    if (topLevel && lines.length - lazy < 2) return undefined;
    const after = lines.slice(lazy);
    const terms = after.filter((line) => TERM_LINE.test(line)).length;
    // A run of term lines, a bare line or two among them (`Rock arrangement`, `Key processes:`).
    if (
      !TERM_LINE.test(after[0]!) ||
      !after.every((line) => /^\S/.test(line)) ||
      terms * 4 < after.length * 3
    )
      return undefined;
  }
  const line = paragraph.position!.start.line;
  return {
    cut: from + lines.slice(0, lazy).join("\n").length + 1,
    to,
    line: line + lazy,
    endLine: line + lines.length - 1,
  };
}
