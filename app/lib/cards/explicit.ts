/**
 * The Obsidian Spaced Repetition plugin's card syntax inside one paragraph:
 * `front::back`, `front:::back` (both directions), and multi-line cards where a line holding only
 * `?` (or `??` for both directions) separates the front lines from the back lines.
 */
import type { PhrasingContent } from "mdast";
import { plainText, sliceText, splitLines, trimPhrasing, type Phrasing } from "./phrasing";

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

/** Namespaces that open code paths in prose: `std::sort`, `crate::Config`, `self::CONSTANT`. */
const NAMESPACES = new Set(["std", "boost", "crate", "self", "super", "core", "alloc", "parent", "static"]);

/**
 * `std::vector`, `fe80::1`, `foo::bar()`, `a::b::c`: a lowercase identifier glued to `::` is code
 * when it is a known namespace or a hex group, or when what follows reads as code (a call, a
 * template, another `::`). Otherwise `::` is the plugin's separator, glued or not: `Krebs
 * cycle::citric acid cycle`, `dog::perro`, `Question::Answer` (the plugin's own example).
 */
function looksLikeCodePath(before: string, after: string): boolean {
  // Identifiers never start with a hyphen: `-olol::e.g.` is a suffix and its example.
  const word = /(?:^|[^\w-])([a-z_]\w*)$/.exec(before)?.[1];
  if (!word || !/^[A-Za-z_\d]/.test(after)) return false;
  if (NAMESPACES.has(word) || /^[\da-f]+$/.test(word)) return true;
  return /^\w+(?:::|[(<[])/.test(after);
}

/** Splits one line at its first `::` / `:::` found in plain text (never inside inline code). */
function splitLine(line: Phrasing): Omit<InlineSplit, "lineOffset"> | undefined {
  for (let index = 0; index < line.length; index += 1) {
    const node = line[index]!;
    if (node.type !== "text") continue;
    const match = /(?<!:):{2,3}(?!:)/.exec(node.value);
    if (!match) continue;
    const beforeText = plainText(line.slice(0, index)) + node.value.slice(0, match.index);
    const afterText = node.value.slice(match.index + match[0].length);
    if (match[0] === "::" && looksLikeCodePath(beforeText, afterText)) return undefined;
    const front: PhrasingContent[] = [...line.slice(0, index), sliceText(node, 0, match.index)];
    const back: PhrasingContent[] = [
      sliceText(node, match.index + match[0].length),
      ...line.slice(index + 1),
    ];
    return { front: trimPhrasing(front), back: trimPhrasing(back), reversed: match[0] === ":::" };
  }
  return undefined;
}

/** Every line of the paragraph written as `front::back` or `front:::back`. */
export function inlineCards(children: Phrasing): InlineSplit[] {
  return splitLines(children).flatMap((line, lineOffset) => {
    const split = splitLine(line);
    return split ? [{ ...split, lineOffset }] : [];
  });
}

/** A paragraph with a line that is only `?` or `??`: front lines above it, back lines below. */
export function multilineCard(children: Phrasing): MultilineSplit | undefined {
  const lines = splitLines(children);
  const separatorOffset = lines.findIndex(
    (line) => line.every((node) => node.type === "text") && ["?", "??"].includes(plainText(line).trim()),
  );
  if (separatorOffset <= 0) return undefined;
  return {
    front: lines.slice(0, separatorOffset),
    back: lines.slice(separatorOffset + 1),
    reversed: plainText(lines[separatorOffset]!).trim() === "??",
    separatorOffset,
  };
}
