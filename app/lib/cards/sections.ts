/**
 * Splits a large markdown document into runs of whole top-level sections, so each can be parsed on
 * its own. micromark's cost grows faster than linearly with document length (its event array is
 * spliced as nested content is resolved): a 10,000-card file took ~20 s in one piece and well under
 * 2 s in sections. A cut is made only where CommonMark guarantees a block boundary: before an ATX
 * heading line at the left margin, or before a line of prose at the left margin after a blank line
 * (a paragraph can only start there), or before a bullet at the left margin that continues the list
 * above it (parsed apart, the two lists are joined again; see `continuesList`), outside front matter,
 * fenced code and `$$` math. A long outline needs the last: micromark took 57 s on one of 24,000 lines
 * (its cost grows with the square of a list's nested items). Documents where
 * a cut could change meaning (HTML blocks, link reference definitions used across sections) are not cut.
 * This scans lines only to find cut points; all structure still comes from the markdown parser.
 */

export interface Section {
  text: string;
  /** 0-based line of the section's first line in the whole document. */
  lineOffset: number;
  /** Character offset of the section's start in the whole document. */
  charOffset: number;
  /**
   * The section starts with an item of the list that ends the section before it (same marker, at the
   * margin): its first list and the one before are one list in the document.
   */
  continuesList?: boolean;
}

/** Below this size a document is parsed in one piece: cutting gains nothing. */
const minimumSplitLength = 32 * 1024;
/** Sections are merged up to about this size so the parser is called a handful of times, not thousands. */
const targetSectionLength = 2 * 1024;

const atxHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,}|\$\$)/;
/** A paragraph's first line: prose at the margin, not a list marker, a quote, a table row or a fence. */
const proseStart = /^[\p{L}\p{N}](?![.)]\s)(?!\d*[.)]\s)/u;
const htmlBlockStart = /^ {0,3}</;
const linkDefinition = /^ {0,3}\[[^\]]+\]:/;
/**
 * A bullet item with content at the left margin, and its marker. Not an ordered item: `21. ...` after
 * prose is more of the paragraph (only `1.` may interrupt one), which a line scan cannot tell.
 */
const marginItem = /^([-*+])[ \t]+\S/;
/** A bullet indented less than a nested item's content (`  * x` under `-   a`): maybe a list of its own. */
const shallowItem = /^ {1,3}([-*+])[ \t]+\S/;
const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The marker of a bullet item at the margin (`-`, `*`, `+`), or undefined for any other line. */
function marginItemMarker(line: string): string | undefined {
  if (thematicBreak.test(line)) return undefined;
  return marginItem.exec(line)?.[1];
}

/** The document in sections (the whole document as one section when it is small or not safe to cut). */
export function splitSections(markdown: string): Section[] {
  const whole: Section[] = [{ text: markdown, lineOffset: 0, charOffset: 0 }];
  if (markdown.length < minimumSplitLength) return whole;

  const lines = markdown.split("\n");
  const cuts: number[] = [];
  const listCuts = new Set<number>();
  // The marker of the list item last seen at the margin, while nothing else at the margin has been.
  let listMarker: string | undefined;
  let fence: string | null = null;
  let lineIndex = 0;
  if (lines[0]?.trimEnd() === "---") {
    const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close === -1) return whole;
    lineIndex = close + 1;
  }
  for (; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!;
    if (fence) {
      const close = line.match(fenceOpen)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length && line.trim() === close)
        fence = null;
      continue;
    }
    const open = line.match(fenceOpen)?.[1];
    // `$$x^2$$` on one line is a formula that closes itself, not a fence.
    const selfClosing = open === "$$" && line.trim().length > 2 && line.trim().endsWith("$$");
    if (open && !selfClosing) {
      fence = open;
      continue;
    }
    if (htmlBlockStart.test(line) || linkDefinition.test(line)) return whole;
    if (line.startsWith("#") && atxHeading.test(line)) cuts.push(lineIndex);
    else if (lineIndex > 0 && lines[lineIndex - 1]!.trim() === "" && proseStart.test(line))
      cuts.push(lineIndex);
    // A shallow bullet of another marker may start a list between the items: no cut until the next.
    const shallow = shallowItem.exec(line)?.[1];
    if (shallow !== undefined && shallow !== listMarker) listMarker = undefined;
    if (/^[ \t]/.test(line) || line.trim() === "") continue;
    const marker = marginItemMarker(line);
    if (marker !== undefined && marker === listMarker) {
      cuts.push(lineIndex);
      listCuts.add(lineIndex);
    }
    listMarker = marker;
  }

  const sections: Section[] = [];
  let startLine = 0;
  let startChar = 0;
  let charAt = 0;
  let lineAt = 0;
  for (const cut of cuts) {
    for (; lineAt < cut; lineAt++) charAt += lines[lineAt]!.length + 1;
    if (charAt - startChar >= targetSectionLength) {
      sections.push({
        text: markdown.slice(startChar, charAt),
        lineOffset: startLine,
        charOffset: startChar,
        ...(listCuts.has(startLine) ? { continuesList: true } : {}),
      });
      startLine = cut;
      startChar = charAt;
    }
  }
  sections.push({
    text: markdown.slice(startChar),
    lineOffset: startLine,
    charOffset: startChar,
    ...(listCuts.has(startLine) ? { continuesList: true } : {}),
  });
  return sections;
}
