/**
 * The Obsidian Spaced Repetition plugin's card syntax inside one paragraph:
 * `front::back`, `front:::back` (both directions), and multi-line cards where a line holding only
 * `?` (or `??` for both directions) separates the front lines from the back lines. A note may set
 * its own separators (the plugin's settings) in front matter: `separator: ";;"`, `reversed-separator`,
 * `multiline-separator`, `multiline-reversed-separator`. A paragraph the plugin has scheduled (an
 * `<!--SR:...-->` comment after it) with none of those separators but `;;` uses `;;`, and so does a
 * note without settings that writes two cards or more `front;; back` and none with `::`.
 * Dataview and Logseq properties (`up:: [[Physiology]]`, `sources:: ((...))`) are metadata, not cards.
 */
import type { PhrasingContent, Root } from "mdast";
import { visit } from "unist-util-visit";
import { plainText, sliceText, splitLines, trimPhrasing, type Phrasing } from "../phrasing";

export interface InlineSplit {
  front: Phrasing;
  back: Phrasing;
  reversed: boolean;
  /** 0-based line within the paragraph. */
  lineOffset: number;
}

export interface MultilineSplit {
  front: Phrasing[];
  back: Phrasing[];
  reversed: boolean;
  /** 0-based line of the `?` separator within the paragraph. */
  separatorOffset: number;
}

export interface Separators {
  inline: string;
  inlineReversed: string;
  multiline: string;
  multilineReversed: string;
}

export const DEFAULT_SEPARATORS: Separators = {
  inline: "::",
  inlineReversed: ":::",
  multiline: "?",
  multilineReversed: "??",
};

/**
 * `front;; back`: the separator many set the plugin to, `::` being Dataview's. Words (or a `?`) on
 * both sides: not `for(;;)` in a line about C.
 */
const SEMICOLON_CARD = /[\p{L}\p{N}?)"'”.]\s*;;(?!;)\s*[^\s;)]/u;

/**
 * The separators a note without its own settings is written with: `;;` when two lines or more read
 * `front;; back` and none `front::back` (see the file comment).
 */
export function separatorsInUse(tree: Root, separators: Separators): Separators {
  if (separators.inline !== DEFAULT_SEPARATORS.inline) return separators;
  let semicolons = 0;
  let colons = false;
  visit(tree, "text", (node) => {
    for (const line of node.value.split("\n")) {
      if (SEMICOLON_CARD.test(line)) semicolons += 1;
      else if (line.includes("::")) colons = true;
    }
  });
  return semicolons >= 2 && !colons ? { ...separators, inline: ";;", inlineReversed: ";;;" } : separators;
}

/**
 * Namespaces that open code paths in prose: `std::sort`, `crate::Config`, `self::CONSTANT`, and the
 * modules of Rust's standard library (`io::stdin`, `mem::swap`).
 */
const NAMESPACES = new Set([
  "std",
  "boost",
  "crate",
  "self",
  "super",
  "core",
  "alloc",
  "parent",
  "static",
  "io",
  "fs",
  "mem",
  "ptr",
  "fmt",
  "env",
  "iter",
  "ops",
  "cmp",
  "sync",
  "thread",
  "collections",
]);

/** Types whose associated functions notes name as paths: `Vec::new`, `String::from`, `Self::Item`. */
const TYPE_PATHS = new Set([
  "Self",
  "Vec",
  "String",
  "Box",
  "Rc",
  "Arc",
  "RefCell",
  "HashMap",
  "HashSet",
  "BTreeMap",
  "VecDeque",
  "Option",
  "Result",
]);

/**
 * `std::vector`, `fe80::1`, `foo::bar()`, `a::b::c`, `Vec::new`: an identifier glued to `::` is
 * code when it is a known namespace or type, or (lowercase) a hex group or followed by what reads as
 * code (a call, a template, another `::`). Otherwise `::` is the plugin's separator, glued or not: `Krebs
 * cycle::citric acid cycle`, `dog::perro`, `Question::Answer` (the plugin's own example).
 */
function looksLikeCodePath(before: string, after: string): boolean {
  // Identifiers never start with a hyphen: `-olol::e.g.` is a suffix and its example.
  const word = /(?:^|[^\w-])([A-Za-z_]\w*)$/.exec(before)?.[1];
  if (!word) return false;
  // `crate::.`, `std::` at a line's end: a namespace is code whatever follows it, but for a
  // definition (`String::a sequence of characters`, `thread::a long thin strand`).
  if ((NAMESPACES.has(word) || TYPE_PATHS.has(word)) && !/^(?:a|an|the)\s/i.test(after)) return true;
  if (!/^[a-z_]/.test(word) || !/^[A-Za-z_\d]/.test(after)) return false;
  // An IPv6 group (`fe80::1`, `2001:db8::ff00`) has hex on both sides; `bad::good` and
  // `face::visage` are words that happen to be hex letters.
  const next = /^\w*/.exec(after)?.[0] ?? "";
  if (/^[\da-f]{1,4}$/.test(word) && /^[\da-f]{1,4}$/.test(next)) return true;
  return /^\w+(?:::|[(<[])/.test(after);
}

/** `up:: [[Physiology]]`, `sources:: ((ref))`: a one-word property whose value is links or nothing. */
function isProperty(front: Phrasing, back: Phrasing): boolean {
  if (!/^[\w-]+$/.test(plainText(front).trim())) return false;
  return back.every(
    (node) =>
      node.type === "link" ||
      node.type === "linkReference" ||
      // A wikilink read as one, or left as written in a note that shows no other Obsidian syntax.
      (node.type === "text" &&
        (node.data?.wikilink === true || /^(?:[\s,;]*\[\[[^[\]]+\]\])*[\s,;]*$/.test(node.value))),
  );
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The pattern that finds either inline separator, the longer one first. */
function separatorPattern(separators: Separators): RegExp {
  const [long, short] = [separators.inlineReversed, separators.inline].sort((a, b) => b.length - a.length);
  const edge = (value: string) => escapeRegExp(value.charAt(0));
  return new RegExp(
    `(?<!${edge(short!)})(?:${escapeRegExp(long!)}|${escapeRegExp(short!)})(?!${edge(short!)})`,
  );
}

/** Splits one line at its first inline separator found in plain text (never inside inline code). */
function splitLine(line: Phrasing, separators: Separators): Omit<InlineSplit, "lineOffset"> | undefined {
  const pattern = separatorPattern(separators);
  for (let index = 0; index < line.length; index += 1) {
    const node = line[index]!;
    if (node.type !== "text") continue;
    const match = pattern.exec(node.value);
    if (!match) continue;
    const beforeText = plainText(line.slice(0, index)) + node.value.slice(0, match.index);
    const afterText = node.value.slice(match.index + match[0].length);
    if (match[0] === "::" && looksLikeCodePath(beforeText, afterText)) return undefined;
    // `{{c2::liver}` is a cloze left open, not a front `{{c2` and a back.
    if (/\{\{c\d+$/.test(beforeText)) return undefined;
    const front: PhrasingContent[] = [...line.slice(0, index), sliceText(node, 0, match.index)];
    const back: PhrasingContent[] = [
      sliceText(node, match.index + match[0].length),
      ...line.slice(index + 1),
    ];
    const split = { front: trimPhrasing(front), back: trimPhrasing(back) };
    if (isProperty(split.front, split.back)) return undefined;
    return { ...split, reversed: match[0] === separators.inlineReversed };
  }
  return undefined;
}

/** Every line of the paragraph written as `front::back` or `front:::back` (or the note's own separators). */
export function inlineCards(children: Phrasing, separators: Separators = DEFAULT_SEPARATORS): InlineSplit[] {
  return splitLines(children).flatMap((line, lineOffset) => {
    const split = splitLine(line, separators);
    return split ? [{ ...split, lineOffset }] : [];
  });
}

/** A paragraph with a line that is only `?` or `??`: front lines above it, back lines below. */
export function multilineCard(
  children: Phrasing,
  separators: Separators = DEFAULT_SEPARATORS,
): MultilineSplit | undefined {
  const lines = splitLines(children);
  const marks = [separators.multiline, separators.multilineReversed];
  const separatorOffset = lines.findIndex(
    (line) => line.every((node) => node.type === "text") && marks.includes(plainText(line).trim()),
  );
  if (separatorOffset <= 0) return undefined;
  return {
    front: lines.slice(0, separatorOffset),
    back: lines.slice(separatorOffset + 1),
    reversed: plainText(lines[separatorOffset]!).trim() === separators.multilineReversed,
    separatorOffset,
  };
}
