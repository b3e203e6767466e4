/**
 * Collapsible answers written in HTML, as READMEs and interview-prep notes do:
 *     <details>
 *     <summary>Why does my effect run twice?</summary>
 *
 *     Strict Mode mounts, unmounts and mounts again.
 *
 *     </details>
 * The summary is the prompt candidate; what the element holds is its body: markdown blocks between
 * the tags, and HTML inside the tags read by an HTML parser (rehype) and turned into markdown.
 *
 * Notion exports its toggles this way, titled with a term as often as a question:
 *     <details><summary>Consideration</summary>
 *     Something of value given in exchange for a promise.
 *     </details>
 * A summary that names a term is read as a term callout over the body, as `> [!term] Consideration`
 * is; one that only tells the reader to open it (`Click to expand`, `Show answer`) names nothing.
 */
import type { Element, ElementContent } from "hast";
import type { Blockquote, Heading, Root, RootContent } from "mdast";
import { CONTINUE, SKIP, visit } from "unist-util-visit";
import { ANSWER_WORDS, alternation } from "../label-words";
import { plainText, type Phrasing } from "../phrasing";
import { htmlParser, mdastOf } from "./html-to-mdast";
import type { Block, DetailsBlock } from "./types";

interface Details {
  summary: Phrasing;
  /** What the element holds after its summary (within this HTML block). */
  rest: RootContent[];
  /** 0-based line of the element within the HTML block. */
  lineOffset: number;
}

/** The `<details>` elements of an HTML block that are not inside another one, in order. */
function readDetailsElements(html: string): Details[] {
  const found: Details[] = [];
  visit(htmlParser.parse(html), "element", (node: Element) => {
    if (node.tagName !== "details") return CONTINUE;
    const summaryAt = node.children.findIndex(
      (child) => child.type === "element" && child.tagName === "summary",
    );
    const summary = node.children[summaryAt];
    const [first] = summary?.type === "element" ? mdastOf(summary.children) : [];
    const phrasing = first?.type === "paragraph" ? first.children : [];
    const rest = mdastOf(node.children.slice(summaryAt + 1));
    found.push({ summary: phrasing, rest, lineOffset: (node.position?.start.line ?? 1) - 1 });
    return SKIP;
  });
  return found;
}

/** HTML as mdast blocks. */
function htmlToMdast(html: string): RootContent[] {
  const content = htmlParser.parse(html).children;
  return mdastOf(content.filter((node): node is ElementContent => node.type !== "doctype"));
}

const DETAILS_TAG = /<details[\s>]|<\/details\s*>/gi;

/**
 * Follows `<details>` / `</details>` tags through an HTML block from an open-element count of `depth`
 * (a closing tag with nothing open is ignored). `closedAt` is where the count first falls to zero.
 */
function scanTags(html: string, depth: number): { depth: number; closedAt?: number } {
  for (const match of html.matchAll(DETAILS_TAG)) {
    if (match[0][1] !== "/") depth += 1;
    else if (depth > 0 && --depth === 0) return { depth, closedAt: match.index };
  }
  return { depth };
}

const lineOf = (node: { position?: { start: { line: number } } }): number => node.position?.start.line ?? 1;

function asBlock(details: Details, line: number, content: RootContent[]): DetailsBlock {
  return { kind: "details", line: line + details.lineOffset, summary: details.summary, content, blocks: [] };
}

/**
 * The `<details>` elements that start in the HTML block `blocks[index]`. An element left open at the
 * end of the block holds the blocks after it, up to the block that closes it (consumed, unless more
 * HTML follows the closing tag there). Returns the elements and how many following blocks they took.
 */
export function readDetails(
  blocks: RootContent[],
  index: number,
): { details: DetailsBlock[]; consumed: number } {
  const block = blocks[index]!;
  if (block.type !== "html" || !/<details[\s>]/i.test(block.value)) return { details: [], consumed: 0 };
  const all = readDetailsElements(block.value);
  const line = lineOf(block);
  let { depth } = scanTags(block.value, 0);
  const closed = depth > 0 ? all.slice(0, -1) : all;
  const details = closed.map((element) => asBlock(element, line, element.rest));
  const open = all.at(-1);
  if (depth === 0 || !open) return { details, consumed: 0 };
  const content = [...open.rest];
  let end = index + 1;
  for (; end < blocks.length && depth > 0 && blocks[end]!.type !== "heading"; end += 1) {
    const next = blocks[end]!;
    if (next.type !== "html") {
      content.push(next);
      continue;
    }
    const scan = scanTags(next.value, depth);
    depth = scan.depth;
    if (scan.closedAt === undefined) {
      content.push(...htmlToMdast(next.value));
      continue;
    }
    content.push(...htmlToMdast(next.value.slice(0, scan.closedAt)));
    // `</details>` then `<details>` in one block: the next element starts there, so leave it.
    const after = next.value.slice(scan.closedAt).replace(DETAILS_TAG, "").trim();
    if (after === "") end += 1;
    break;
  }
  details.push(asBlock(open, line, content));
  return { details, consumed: end - index - 1 };
}

/** Summaries that tell the reader to open the toggle rather than name what it holds. */
const OPENING_VERBS =
  /^(?:(?:click|tap|press)\b.*|(?:show|reveal|expand|toggle|view|see|open|hide|collapse)(?:\s+(?:the\s+)?(?:answer|answers|solution|solutions|more|details|code|hint|hints|all|me|here|it|this))?)$/;
const PLACEHOLDERS = new Set([
  "answer",
  "answers",
  "solution",
  "solutions",
  "spoiler",
  "spoilers",
  "hint",
  "hints",
  "more",
  "details",
  "code",
  "output",
  "example",
  "examples",
  "explanation",
  "contents",
  "table of contents",
]);

function namesItsContent(summary: Phrasing): boolean {
  const text = plainText(summary)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .trim();
  return text !== "" && !OPENING_VERBS.test(text) && !PLACEHOLDERS.has(text);
}

/** `Answer`, `Show Answer`, `Solution`, `Réponse`: a toggle's summary naming one answer it hides. */
const ANSWER_SUMMARY =
  /^(?:(?:show|reveal|view|see|check)\s+(?:the\s+)?)?(?:answer|solution|réponse|reponse|respuesta|resposta|antwort|risposta|ответ|答案|解答|정답)$/u;

/**
 * A toggle whose summary says it hides the answer (not `Hint`, `Details`, `Click to expand`, nor
 * `Answers` for several questions): it answers the question above it.
 */
export function hidesAnAnswer(details: DetailsBlock): boolean {
  const text = plainText(details.summary)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return details.blocks.length > 0 && ANSWER_SUMMARY.test(text);
}

/**
 * The outline blocks of what a `<details>` element holds (`blocks`, read from its content): under a
 * term callout when its summary names what it holds (see the file comment), as they are otherwise.
 */
export function detailsBlocks(details: DetailsBlock, blocks: Block[]): Block[] {
  if (blocks.length === 0 || !namesItsContent(details.summary)) return blocks;
  const node: Blockquote = { type: "blockquote", children: details.content as Blockquote["children"] };
  return [{ kind: "callout", node, line: details.line, type: "term", title: details.summary, blocks }];
}

/** `#### Answer: C`, `### Đáp án: D`: a heading that gives a quiz's key. */
const KEY_HEADING = new RegExp(
  String.raw`^[^\p{L}\p{N}]*(?:answer|ans|correct answer|${alternation(ANSWER_WORDS)})(?=[\s:：.)]|$)`,
  "iu",
);

/**
 * `<details><summary>Answer</summary>` / `#### Answer: C` / `</details>`: a key typed as a heading
 * inside a toggle is a line of what it hides, not a section of the note. Read as a paragraph (in
 * place), so the toggle stays in the question's section. Other headings in a toggle (lecture
 * slides, an FAQ) keep their sections.
 */
export function headingsInsideDetails(tree: Root): void {
  let open = 0;
  // Key headings in an open toggle: read as lines only once it closes.
  let pending: number[] = [];
  tree.children.forEach((node, index) => {
    if (node.type === "heading") {
      if (open > 0 && KEY_HEADING.test(plainText(node.children))) pending.push(index);
      return;
    }
    if (node.type !== "html") return;
    const opens = (node.value.match(/<details\b/gi) ?? []).length;
    const closes = (node.value.match(/<\/details\s*>/gi) ?? []).length;
    open += opens;
    if (closes > 0 && open > 0) {
      for (const at of pending) {
        const heading = tree.children[at] as Heading;
        tree.children[at] = { type: "paragraph", children: heading.children, position: heading.position };
      }
      pending = [];
    }
    open = Math.max(0, open - closes);
  });
}
