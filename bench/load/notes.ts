/**
 * A generated notes folder with enough cards for every learner to have cards of its own (content/
 * holds a few dozen), and the statistics the summary prints.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const cardsPerFile = 250;

/** Writes `cards` term::definition cards over files of 250 into `dir`; returns the deck slugs. */
export function writeNotes(dir: string, cards: number): string[] {
  mkdirSync(dir, { recursive: true });
  const slugs: string[] = [];
  for (let file = 0; file * cardsPerFile < cards; file++) {
    const slug = `load-${String(file + 1).padStart(3, "0")}`;
    const lines = [`# Load deck ${file + 1}`, ""];
    const last = Math.min(cards, (file + 1) * cardsPerFile);
    for (let i = file * cardsPerFile + 1; i <= last; i++) {
      lines.push(`What is the answer to question ${i}?::It is answer number ${i}.`, "");
    }
    writeFileSync(path.join(dir, `${slug}.md`), lines.join("\n"));
    slugs.push(slug);
  }
  return slugs;
}

/** The p-th percentile (nearest rank) of `samples`; NaN for none. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
