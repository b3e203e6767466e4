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

/**
 * `std::vector`, `fe80::1`: a lowercase identifier glued to `::` is code, not a card. A capitalised
 * word glued to it (`Question::Answer`, the plugin's own example) is still a separator, and so is
 * `::` between a sentence and a back that opens like one (`a program in execution::An instance`) or after a
 * suffix such as `-olol` (identifiers never start with a hyphen).
 */
function looksLikeCodePath(before: string, after: string): boolean {
  const sentenceBefore = before.trim().split(/\s+/).length >= 3;
  if (sentenceBefore && /^[A-Z][a-z]*(\s|$)/.test(after)) return false;
  return /(^|[^\w-])[a-z_][\w]*$/.test(before) && /^[A-Za-z_\d]/.test(after);
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
