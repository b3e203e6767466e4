/**
 * Definitions: `**Term**: definition` (also `**Term:**`, `**Term** - / – / — definition`) and, in
 * vocabulary lists only, plain `Term: definition`. Lookalikes (labels, times, URLs, sentences) are not terms.
 */
import type { PhrasingContent, Strong } from "mdast";
import { isLabel } from "./labels";
import { isQuestionText } from "./questions";
import { joinLines, plainText, sliceText, splitLines, trimPhrasing, type Phrasing } from "./phrasing";

export interface DefinitionSplit {
  term: Phrasing;
  definition: Phrasing;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A plausible term: short, not a sentence, not a label, a number, a time or a URL. */
function isTerm(term: string, maxWords: number): boolean {
  const trimmed = term.trim();
  if (trimmed === "" || isLabel(trimmed)) return false;
  if (/https?:\/\/|www\./i.test(trimmed)) return false;
  if (/^[\d\s.,:：/-]+$/.test(trimmed)) return false;
  if (/[.!?;]$/.test(trimmed)) return false;
  if (/[.!?]\s/.test(trimmed)) return false;
  // `:gear:` shortcodes and cut-off asides such as `name (default` are not terms.
  if (trimmed.startsWith(":") || count(trimmed, "(") !== count(trimmed, ")")) return false;
  return trimmed.split(/\s+/).length <= maxWords;
}

/** A definition that is only a URL or a link says nothing to remember. */
function isUrlOnly(definition: Phrasing): boolean {
  const meaningful = trimPhrasing(definition);
  if (meaningful.length === 0) return false;
  if (meaningful.every((node) => node.type === "link" || node.type === "linkReference")) return true;
  return /^(https?:\/\/|www\.)\S+$/i.test(plainText(meaningful).trim());
}

// `: `, ` - `, ` -- ` (a typed em dash), ` – `, ` — `, or a line break (`**Term**` alone on its line,
// the definition below).
// CJK notes use the full-width colon `：`, which needs no space after it.
const SEPARATOR_AFTER_BOLD = /^\s*[:：]\s*|^\s+(?:--|[-–—])\s+|^\s*[–—]\s*|^[ \t]*\n\s*/;

/** A bold span, also when written `***Term***` (bold inside italics). */
function asStrong(node: PhrasingContent | undefined): Strong | undefined {
  const inner = node?.type === "emphasis" && node.children.length === 1 ? node.children[0] : node;
  return inner?.type === "strong" ? inner : undefined;
}

/**
 * `- **Bandwidth**` alone on its line: the term of a definition written below it (nested bullets or
 * lines). Undefined for anything else, and for labels. The caller decides whether what is below is a
 * definition.
 */
export function boldTermAlone(children: Phrasing): Phrasing | undefined {
  const content = trimPhrasing(children);
  const strong = content.length === 1 ? asStrong(content[0]) : undefined;
  if (!strong) return undefined;
  const term = trimPhrasing(stripTrailingColon(strong));
  return isTerm(plainText(term), 10) ? term : undefined;
}

/**
 * `**Term**: def`, `**Term:** def`, `**Term** - def`, `**Term** — def`. The paragraph must start with
 * the bold term. Returns undefined for labels such as `**Note:**`.
 */
export function boldDefinition(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  const first = asStrong(content[0]);
  if (!first) return undefined;
  const termText = plainText([first]).trim();
  const rest = content.slice(1);
  let term: Phrasing = first.children;
  let definition: Phrasing;
  if (/[:：]$/.test(termText)) {
    term = stripTrailingColon(first);
    definition = rest;
  } else {
    const next = rest[0];
    if (next?.type !== "text") return undefined;
    // `**Term** (noun): def`, `**Term** (noun) - def`: a short parenthetical before the colon belongs to the term.
    const aside = /^\s*\([^()\n]{1,40}\)(?=\s*(?::|[-–—]\s))/.exec(next.value);
    const after = aside ? sliceText(next, aside[0].length) : next;
    const separator = SEPARATOR_AFTER_BOLD.exec(after.value);
    if (!separator) return undefined;
    if (aside) term = [...first.children, sliceText(next, 0, aside[0].length)];
    definition = [sliceText(after, separator[0].length), ...rest.slice(1)];
  }
  const termPlain = plainText(term).trim();
  if (!isTerm(termPlain, 10) || isUrlOnly(definition)) return undefined;
  return { term: trimPhrasing(term), definition: trimPhrasing(definition) };
}

function stripTrailingColon(strong: Strong): Phrasing {
  const children = trimPhrasing(strong.children);
  const last = children.at(-1);
  if (last?.type !== "text") return children;
  return [...children.slice(0, -1), sliceText(last, 0, last.value.replace(/\s*[:：]$/, "").length)];
}

// `Python has dynamic typing: ...`, `The professor said: ...`: a clause, not a term.
const CLAUSE_WORDS = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "had",
  "said",
  "says",
  "should",
  "would",
  "could",
]);

function readsAsClause(term: string): boolean {
  return term
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .slice(1)
    .some((word) => CLAUSE_WORDS.has(word));
}

/** Schedules and contact details (`Office hours: Tue 14:00`, `TA: pp42@uni.edu`) are data, not terms. */
function isScheduleOrContact(definition: string): boolean {
  return /\b\d{1,2}[:：]\d{2}\b/.test(definition) || /[\w.+-]+@[\w-]+\.\w/.test(definition);
}

/**
 * Plain `Term: definition` (colon followed by a space). Only meaningful where most siblings look the
 * same (a vocabulary list); the caller checks that.
 */
export function plainDefinition(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  for (let index = 0; index < content.length; index += 1) {
    const node = content[index]!;
    if (node.type !== "text") {
      if (!["inlineCode", "emphasis", "strong", "delete"].includes(node.type)) return undefined;
      continue;
    }
    // `Term: def` (`Term：def` in CJK notes), or in a vocabulary list also `Term - def` / `– ` / `— `.
    const match = /:(\s+|$)|：\s*|\s+(?:--|[-–—])\s+/.exec(node.value);
    if (!match) continue;
    const termNodes: PhrasingContent[] = [...content.slice(0, index), sliceText(node, 0, match.index)];
    const definition: PhrasingContent[] = [
      sliceText(node, match.index + match[0].length),
      ...content.slice(index + 1),
    ];
    const termPlain = plainText(termNodes);
    if (termPlain.includes("\n") || !isTerm(termPlain, 6) || readsAsClause(termPlain)) return undefined;
    const definitionPlain = plainText(definition);
    // A time inside code (`%H:%M` - such as `01:23`) is an example, not a schedule.
    const prose = plainText(definition.filter((node) => node.type !== "inlineCode"));
    if (isUrlOnly(definition) || isScheduleOrContact(prose)) return undefined;
    // `10:19` and `3:1` have no space after the colon, so they never reach here; a bare `http:` does.
    if (/^\s*\/\//.test(definitionPlain)) return undefined;
    return { term: trimPhrasing(termNodes), definition: trimPhrasing(definition) };
  }
  return undefined;
}

/**
 * A definition-list entry as Pandoc and PHP Markdown Extra write it: the term on its own line and the
 * definition on the next line after `: `.
 * @example "Osmosis\n: diffusion of water across a membrane"
 */
export function colonLineDefinition(children: Phrasing): DefinitionSplit | undefined {
  const lines = splitLines(trimPhrasing(children));
  const [termLine, definitionLine, ...more] = lines;
  const opener = definitionLine?.[0];
  if (!termLine || opener?.type !== "text") return undefined;
  const match = /^:\s+/.exec(opener.value);
  const termText = plainText(termLine);
  if (!match || !(isTerm(termText, 10) || isQuestionText(termText))) return undefined;
  const definition = joinLines([[sliceText(opener, match[0].length), ...definitionLine!.slice(1)], ...more]);
  return { term: trimPhrasing(termLine), definition: trimPhrasing(definition) };
}

export interface LineDefinition extends DefinitionSplit {
  /** 0-based line within the paragraph where the definition starts. */
  lineOffset: number;
}

/**
 * A paragraph written as one definition per line (no blank lines between them):
 * `**Mitosis**: ...` / `**Meiosis**: ...`, or plain `Term: def` lines when most lines look like that.
 * Lines that start no definition continue the one above. Undefined unless at least two lines define.
 */
export function definitionsByLine(children: Phrasing): LineDefinition[] | undefined {
  const lines = splitLines(trimPhrasing(children));
  if (lines.length < 2) return undefined;
  const bold = lines.map((line) => boldDefinition(line));
  const plain = lines.map((line) => plainDefinition(line));
  const boldCount = bold.filter(Boolean).length;
  const plainCount = lines.filter((_, at) => bold[at] ?? plain[at]).length;
  let starts: (DefinitionSplit | undefined)[];
  if (boldCount >= 2) starts = bold;
  else if (isVocabularyRun(plainCount, lines.length)) starts = lines.map((_, at) => bold[at] ?? plain[at]);
  else return undefined;
  if (!starts[0]) return undefined;
  const definitions: LineDefinition[] = [];
  starts.forEach((start, lineOffset) => {
    const current = definitions.at(-1);
    if (start) definitions.push({ ...start, lineOffset });
    else if (current) current.definition = joinLines([current.definition, trimPhrasing(lines[lineOffset]!)]);
  });
  return definitions;
}

/** Vocabulary rule: at least two items and at least half of them follow the pattern. */
export function isVocabularyRun(matching: number, total: number): boolean {
  return matching >= 2 && matching * 2 >= total;
}
