/**
 * Cloze deletions inside one paragraph: `==highlight==` (one card per highlight), Anki's
 * `{{c1::answer}}` / `{{c1::answer::hint}}` (one card per number), Logseq's `{{cloze answer}}` (all
 * of a block's in one card), and key facts in prose
 * (each `inline code` or **bold** span, one card per span).
 */
import type { PhrasingContent, Text } from "mdast";
import { stringifyInline } from "../markdown";
import { plainText, sliceText, splitLines, text, trimPhrasing, type Phrasing } from "../phrasing";

/** One deletion inside the paragraph. `group` numbers the card it belongs to (1-based). */
interface Deletion {
  type: "deletion";
  group: number;
  hint?: string;
  children: Phrasing;
  /** Facts keep their bold/code on the answer side; explicit cloze markup is removed. */
  keep?: PhrasingContent;
}

type Piece = PhrasingContent | Deletion;

export interface ClozeDraft {
  group: number;
  /** The paragraph with this group's deletions as `[...]` / `[hint]`. */
  front: string;
  /** The same with `[...]` even where there is a hint: used for the card key. */
  keyFront: string;
  back: string;
}

const ANKI_OPEN = /\{\{c(\d+)::/;
// Logseq's `{{cloze text}}`: every one in a block hides at once, one card (group 1).
const MARKER = /\{\{c\d+::|\{\{cloze\s+|\}\}|==/g;

/** Text pieces and explicit cloze markers, in order. */
type Token =
  | { marker: "==" | "}}" | "open"; group?: number; raw?: string; node?: undefined }
  | { marker?: undefined; node: PhrasingContent };

function tokenize(children: Phrasing): Token[] {
  const tokens: Token[] = [];
  for (const child of children) {
    if (child.type !== "text") {
      tokens.push({ node: child });
      continue;
    }
    let from = 0;
    for (const match of child.value.matchAll(MARKER)) {
      const at = match.index;
      const before = child.value[at - 1];
      const after = child.value[at + match[0].length];
      // `a == b` and `===` are comparisons, not highlights.
      if (match[0] === "==" && (before === "=" || after === "=")) continue;
      if (at > from) tokens.push({ node: sliceText(child, from, at) });
      if (match[0] === "==") tokens.push({ marker: "==" });
      else if (match[0] === "}}") tokens.push({ marker: "}}" });
      else tokens.push({ marker: "open", group: Number(ANKI_OPEN.exec(match[0])?.[1] ?? 1), raw: match[0] });
      from = at + match[0].length;
    }
    if (from < child.value.length) tokens.push({ node: from === 0 ? child : sliceText(child, from) });
  }
  return tokens;
}

function markerText(token: Token): Text {
  if (token.marker === "open") return text(token.raw ?? `{{c${token.group}::`);
  return text(token.marker ?? "");
}

/** Splits `answer::hint` at the last `::` of the deletion's final text node. */
function splitHint(children: Phrasing): { children: Phrasing; hint?: string } {
  const last = children.at(-1);
  if (last?.type !== "text") return { children };
  const at = last.value.lastIndexOf("::");
  if (at === -1) return { children };
  return {
    children: [...children.slice(0, -1), sliceText(last, 0, at)],
    hint: last.value.slice(at + 2).trim(),
  };
}

/** For each token, the index of the next token carrying `marker` (-1 when none): one pass from the end. */
function nextMarkers(tokens: Token[], marker: "==" | "}}"): Int32Array {
  const next = new Int32Array(tokens.length + 1).fill(-1);
  for (let at = tokens.length - 1; at >= 0; at -= 1) {
    next[at] = tokens[at + 1]?.marker === marker ? at + 1 : next[at + 1]!;
  }
  return next;
}

/** Pairs markers into deletions; unmatched markers stay as the text they were. */
function parsePieces(children: Phrasing): { pieces: Piece[]; found: boolean } {
  const tokens = tokenize(children);
  const nextHighlight = nextMarkers(tokens, "==");
  const nextClose = nextMarkers(tokens, "}}");
  const pieces: Piece[] = [];
  let found = false;
  let highlightCount = 0;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (token.node) {
      pieces.push(token.node);
      index += 1;
      continue;
    }
    const end =
      token.marker === "open" ? nextClose[index]! : token.marker === "==" ? nextHighlight[index]! : -1;
    const inner = end === -1 ? [] : tokens.slice(index + 1, end);
    const innerOk = end !== -1 && inner.length > 0 && inner.every((candidate) => candidate.node);
    const innerNodes = inner.map((candidate) => candidate.node!);
    // Highlights need text hugging the markers, like Obsidian: `== x ==` is not one.
    const hugs =
      token.marker !== "==" || (!/^\s/.test(plainText(innerNodes)) && !/\s$/.test(plainText(innerNodes)));
    if (!innerOk || !hugs) {
      pieces.push(markerText(token));
      index += 1;
      continue;
    }
    // `- ==The momentum of a body is ...==`: a line highlighted whole stresses it; hidden whole, it
    // would leave nothing to ask with.
    if (token.marker === "==" && highlightsWholeLine(tokens, index, end)) {
      pieces.push(...innerNodes);
      index = end + 1;
      continue;
    }
    found = true;
    if (token.marker === "open") {
      const { children: hidden, hint } = splitHint(innerNodes);
      pieces.push({ type: "deletion", group: token.group ?? 1, hint, children: hidden });
    } else {
      highlightCount += 1;
      pieces.push({ type: "deletion", group: -highlightCount, children: innerNodes });
    }
    index = end + 1;
  }
  return { pieces, found };
}

/**
 * Whether the text around tokens `from`..`to` is no words (maths and marks at most): the highlight is
 * all the paragraph says, not a word on a wrapped line of it (`... stored in` / `==glucose==`).
 */
function highlightsWholeLine(tokens: Token[], from: number, to: number): boolean {
  return !wordsBeside(tokens, from - 1, -1) && !wordsBeside(tokens, to + 1, 1);
}

/**
 * Whether the tokens from `at` on, going `step` (-1 back, 1 on), hold a word. Another marker is
 * another deletion, which the paragraph asks with: a word too. Stops at the first word, so a
 * paragraph of many highlights is read once.
 */
function wordsBeside(tokens: Token[], at: number, step: 1 | -1): boolean {
  for (; at >= 0 && at < tokens.length; at += step) {
    const node = tokens[at]!.node;
    if (!node) return true;
    if (node.type !== "inlineMath" && /[\p{L}\p{N}]/u.test(plainText([node]))) return true;
  }
  return false;
}

/**
 * The pieces as markdown, rendered once: the text between deletions as runs, each deletion both
 * shown and hidden. A card is then these strings joined, so a paragraph of many deletions is not
 * serialised once per card.
 */
interface Rendered {
  parts: ({ text: string } | { group: number; shown: string; hidden: string; hint: string })[];
}

function renderOnce(pieces: Piece[]): Rendered {
  const parts: Rendered["parts"] = [];
  let run: Phrasing = [];
  const flush = () => {
    if (run.length > 0) parts.push({ text: stringifyInline(run) });
    run = [];
  };
  for (const piece of pieces) {
    if (piece.type !== "deletion") {
      run.push(piece);
      continue;
    }
    flush();
    const shown = stringifyInline(piece.keep ? [piece.keep] : piece.children);
    parts.push({
      group: piece.group,
      shown,
      hidden: "[...]",
      hint: piece.hint ? `[${piece.hint}]` : "[...]",
    });
  }
  flush();
  return { parts };
}

/** One card's side: the target group hidden, every other deletion shown as its text. */
function render(rendered: Rendered, target: number | undefined, hintShown: boolean): string {
  let out = "";
  for (const part of rendered.parts) {
    if ("text" in part) out += part.text;
    else if (part.group === target) out += hintShown ? part.hint : part.hidden;
    else out += part.shown;
  }
  return out.trim();
}

/**
 * Cards one paragraph may make. No real note comes near it; a paragraph of a thousand highlights
 * would otherwise store a thousand copies of itself.
 */
export const MAX_CLOZES_PER_PARAGRAPH = 50;

function groupsOf(pieces: Piece[]): number[] {
  const groups = [...new Set(pieces.flatMap((piece) => (piece.type === "deletion" ? [piece.group] : [])))];
  // Highlights (negative groups) come after any numbered Anki groups, each its own card.
  return [
    ...groups.filter((group) => group > 0).sort((a, b) => a - b),
    ...groups.filter((group) => group < 0).sort((a, b) => b - a),
  ];
}

function drafts(pieces: Piece[]): ClozeDraft[] {
  const ordered = groupsOf(pieces).slice(0, MAX_CLOZES_PER_PARAGRAPH);
  const rendered = renderOnce(trimPieces(pieces));
  const back = render(rendered, undefined, false);
  return ordered.map((group, index) => ({
    group: group > 0 ? group : index + 1,
    front: render(rendered, group, true),
    keyFront: render(rendered, group, false),
    back,
  }));
}

/** Whitespace at the ends of the paragraph is no part of any side. */
function trimPieces(pieces: Piece[]): Piece[] {
  const nodes = pieces.filter((piece): piece is PhrasingContent => piece.type !== "deletion");
  if (nodes.length === pieces.length) return trimPhrasing(nodes);
  const out = [...pieces];
  const first = out[0];
  if (first && first.type === "text" && first.value.trim() === "") out.shift();
  const last = out.at(-1);
  if (last && last.type === "text" && last.value.trim() === "") out.pop();
  return out;
}

/** Clozes written with `==...==` or `{{cN::...}}` (at most MAX_CLOZES_PER_PARAGRAPH); undefined when none. */
export function explicitClozes(children: Phrasing): ClozeDraft[] | undefined {
  const { pieces, found } = parsePieces(children);
  return found ? drafts(pieces) : undefined;
}

/** Whether the paragraph holds `==...==` or `{{cN::...}}` clozes (without rendering any card). */
export function hasExplicitClozes(children: Phrasing): boolean {
  return parsePieces(children).found;
}

/** How many cloze cards the paragraph asks for, before the limit. */
export function clozeCount(children: Phrasing): number {
  return groupsOf(parsePieces(children).pieces).length;
}

/**
 * `{{c1::Giotto}} painted ...` / `... is called {{c1::buon fresco}}.`: lines that each number their
 * clozes from 1 are notes of their own, typed without a blank line between them. The paragraph's
 * lines when a cloze number recurs on two of them; undefined when it is one note.
 */
export function clozeNotesByLine(children: Phrasing): Phrasing[] | undefined {
  const lines = splitLines(trimPhrasing(children));
  if (lines.length < 2) return undefined;
  const seen = new Set<number>();
  let recurs = false;
  for (const line of lines) {
    const groups = new Set(
      parsePieces(line).pieces.flatMap((piece) =>
        piece.type === "deletion" && piece.group > 0 ? [piece.group] : [],
      ),
    );
    for (const group of groups) {
      if (seen.has(group)) recurs = true;
      seen.add(group);
    }
  }
  return recurs ? lines : undefined;
}

/** Whether the paragraph uses Anki's `{{cN::...}}` (whose `::` must not be read as `front::back`). */
export function hasAnkiCloze(children: Phrasing): boolean {
  return parsePieces(children).pieces.some((piece) => piece.type === "deletion" && piece.group > 0);
}

/** Facts one paragraph of prose may make: key facts, not a card per word someone put in bold. */
export const MAX_FACTS_PER_PARAGRAPH = 5;

/**
 * Key facts of a prose paragraph: the top-level `inline code` and **bold** spans, one card per
 * sentence that holds any (its spans hidden together, so a sentence with three spans is one card,
 * not three near-copies), unless the span is the whole paragraph. `skip` leaves out spans such as a
 * `**Note:**` label.
 */
export function factClozes(
  children: Phrasing,
  skip: (node: PhrasingContent, index: number, siblings: Phrasing) => boolean = () => false,
): ClozeDraft[] {
  const trimmed = trimPhrasing(children);
  let count = 0;
  let sentence = 0;
  let sentenceGroup = 0;
  const pieces: Piece[] = trimmed.map((node, index) => {
    // Text that ends a sentence puts the spans after it in the next one.
    if (node.type === "text" && /[.!?。！？](?:\s|$)/.test(node.value)) sentence += 1;
    const isFact =
      (node.type === "inlineCode" && node.value.trim() !== "") ||
      (node.type === "strong" && plainText([node]).trim() !== "");
    if (!isFact || skip(node, index, trimmed)) return node;
    if (count === 0 || sentenceGroup !== sentence) {
      count += 1;
      sentenceGroup = sentence;
    }
    if (count > MAX_FACTS_PER_PARAGRAPH) return node;
    return { type: "deletion", group: count, children: [node], keep: node };
  });
  // `**Summary**` or `**Important**.` alone is a pseudo-heading, not a fact in a sentence.
  const onlySpan =
    trimmed.filter((node) => node.type !== "text" || /[\p{L}\p{N}]/u.test(node.value)).length === 1;
  return count === 0 || onlySpan ? [] : drafts(pieces);
}

/**
 * Cloze syntax that almost works: `{{heart}}` with no number, `{{c1:heart}}` with one colon,
 * `{{c1::heart}` left open. Each is worth telling the author about instead of making nothing.
 */
export function clozeNearMisses(children: Phrasing): string[] {
  const text = plainText(children);
  if (!text.includes("{{") && !text.includes("}}")) return [];
  const problems: string[] = [];
  for (const match of text.matchAll(/\{\{(?!c\d+::|cloze\s)([^{}\n]*)\}\}/g)) {
    const inner = match[1]!.trim();
    const single = /^c(\d+):(?!:)(.*)$/.exec(inner);
    problems.push(
      single
        ? `Cloze "${match[0]}" has one colon: write {{c${single[1]}::${single[2]!.trim()}}}`
        : `Cloze "${match[0]}" has no number: write {{c1::${inner}}}`,
    );
  }
  for (const match of text.matchAll(/\{\{c\d+::[^{}\n]*(?:\}(?!\})|$)/g)) {
    problems.push(`Cloze "${match[0].trim()}" is not closed with }}`);
  }
  return problems;
}
