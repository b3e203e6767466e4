/** Where extractors put their cards and warnings; card keys and duplicate checks happen in index.ts. */
import { ANSWER_WORDS } from "../label-words";
import type { CardKind, ParseWarning } from "../types";

export interface CardDraft {
  kind: CardKind;
  front: string;
  back: string;
  line: number;
  context: string[];
  /** A cloze made from bold or code in prose rather than written as a card. */
  fact?: boolean;
  /** The front names a term and the back defines it (a vocabulary card): it can be studied reversed. */
  term?: boolean;
  /** What identifies the card: "basic", a reversed direction, or a cloze number. */
  identity:
    | { type: "basic" }
    | { type: "reversed"; direction: "forward" | "backward"; base: string }
    | { type: "cloze"; group: number; keyFront: string };
}

/**
 * An answer still to be written: `...`, `TBD`, a bare `Solution:`, `(no idea yet, revisit)`, also
 * after its label (`A: ...`, `Answer: TODO`, as question templates leave them).
 */
const PLACEHOLDER =
  /^(?:(?:a|ans|answer|solution)\s*[:：]\s*)?(?:\.{2,}|…+|\?+|tbd|tbc|todo|idk|solution:?|answer:?|ans:?|\([^()]*\b(?:revisit|later|fill(?:ing)? in|tbd|tbc|todo|no idea|idk|come back|not sure|unsure)\b[^()]*\))$/i;

/**
 * `Antwort: answer`, `Lösung: solution`: a word of a vocabulary list whose meaning is the word a
 * template leaves as a placeholder.
 */
function translatesAsLabel(front: string, back: string): boolean {
  const word = front.trim().toLowerCase();
  return /^(?:answer|solution)$/i.test(back) && (ANSWER_WORD_SET.has(word) || SOLUTION_WORDS.has(word));
}

const ANSWER_WORD_SET = new Set(ANSWER_WORDS.map((word) => word.toLowerCase()));
/** "Solution" in other languages. */
const SOLUTION_WORDS = new Set([
  "lösung",
  "solución",
  "soluzione",
  "solução",
  "rozwiązanie",
  "решение",
  "oplossing",
]);

/** Collects card drafts and warnings during one parse; empty sides become warnings, not cards. */
export class Collector {
  readonly cards: CardDraft[] = [];
  readonly warnings: ParseWarning[] = [];

  /** A problem at a source line that the author should see. */
  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** A front -> back card; a side left empty is a warning instead. */
  basic(
    front: string,
    back: string,
    line: number,
    context: string[],
    what = "Card",
    flags: { term?: boolean } = {},
  ): void {
    if (!this.sidesPresent(front, back, line, what)) return;
    this.cards.push({
      kind: "basic",
      front,
      back,
      line,
      context,
      identity: { type: "basic" },
      ...(flags.term ? { term: true } : {}),
    });
  }

  /** A note studied both ways: two cards, the second with the sides swapped. */
  reversed(front: string, back: string, line: number, context: string[]): void {
    if (!this.sidesPresent(front, back, line, "Reversed card")) return;
    this.cards.push({
      kind: "reversed",
      front,
      back,
      line,
      context,
      identity: { type: "reversed", direction: "forward", base: front },
    });
    this.cards.push({
      kind: "reversed",
      front: back,
      back: front,
      line,
      context,
      identity: { type: "reversed", direction: "backward", base: front },
    });
  }

  /** One cloze card; `keyFront` is the front with `[...]` even where a hint is shown. */
  cloze(
    front: string,
    back: string,
    line: number,
    context: string[],
    group: number,
    keyFront: string,
    flags: { fact?: boolean } = {},
  ): void {
    this.cards.push({
      kind: "cloze",
      front,
      back,
      line,
      context,
      identity: { type: "cloze", group, keyFront },
      ...(flags.fact ? { fact: true } : {}),
    });
  }

  /** Whether both sides hold something to learn (not `...`, `Solution:` or `(revisit later)`). */
  private sidesPresent(front: string, back: string, line: number, what: string): boolean {
    if (front.trim() === "") {
      this.warn(line, `${what} has an empty front; skipped`);
      return false;
    }
    if (back.trim() === "") {
      this.warn(line, `${what} "${front.slice(0, 60)}" has no answer; skipped`);
      return false;
    }
    const bare = back.replace(/[*_~\\]/g, "").trim();
    if (PLACEHOLDER.test(bare) && !translatesAsLabel(front, bare)) {
      this.warn(line, `${what} "${front.slice(0, 60)}" has only a placeholder for its answer; skipped`);
      return false;
    }
    return true;
  }
}
