/**
 * Distributions of the started cards' stability, difficulty and probability of recall now, the last
 * from FSRS's forgetting curve with the learner's own parameters (the defaults when untrained).
 */
import { default_w, forgetting_curve } from "ts-fsrs";
import type { Bin, MemoryRow } from "./types";

const dayMs = 86_400_000;

/** Probability of recalling a card now, from its stability and last review. */
export function retrievability(
  row: Pick<MemoryRow, "stability" | "lastReview">,
  now: Date,
  parameters: readonly number[] | null,
): number | null {
  if (!row.lastReview || !(row.stability > 0)) return null;
  const elapsed = Math.max(0, (now.getTime() - row.lastReview.getTime()) / dayMs);
  return forgetting_curve(parameters ?? default_w, elapsed, row.stability);
}

const stabilityEdges = [1, 3, 7, 14, 30, 90, 180, 365];

function stabilityLabel(index: number): string {
  const low = stabilityEdges[index - 1];
  const high = stabilityEdges[index];
  if (low === undefined) return `< ${high} d`;
  if (high === undefined) return `≥ ${low} d`;
  return `${low}–${high} d`;
}

function binOf(edges: readonly number[], value: number): number {
  let index = 0;
  while (index < edges.length && value >= (edges[index] ?? Infinity)) index++;
  return index;
}

export interface MemoryDistributions {
  stability: Bin[];
  difficulty: Bin[];
  retrievability: Bin[];
  /** Mean probability of recall now over the started cards, or null when none. */
  meanRetrievability: number | null;
  cards: number;
}

/**
 * Stability in days on a widening scale, difficulty 1-10 in whole steps, recall in 10% steps.
 * @example memoryDistributions([{ stability: 5, difficulty: 4.2, lastReview: now }], now, null)
 *   .difficulty[3] // { label: "4–5", count: 1 }
 */
export function memoryDistributions(
  rows: readonly MemoryRow[],
  now: Date,
  parameters: readonly number[] | null,
): MemoryDistributions {
  const stability = Array.from({ length: stabilityEdges.length + 1 }, (_, i) => ({
    label: stabilityLabel(i),
    count: 0,
  }));
  const difficulty = Array.from({ length: 9 }, (_, i) => ({ label: `${i + 1}–${i + 2}`, count: 0 }));
  const recall = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, count: 0 }));
  let sum = 0;
  let counted = 0;
  for (const row of rows) {
    const s = stability[binOf(stabilityEdges, row.stability)];
    if (s) s.count++;
    const d = difficulty[Math.min(8, Math.max(0, Math.floor(row.difficulty) - 1))];
    if (d) d.count++;
    const r = retrievability(row, now, parameters);
    if (r === null) continue;
    const bin = recall[Math.min(9, Math.max(0, Math.floor(r * 10)))];
    if (bin) bin.count++;
    sum += r;
    counted++;
  }
  return {
    stability,
    difficulty,
    retrievability: recall,
    meanRetrievability: counted === 0 ? null : sum / counted,
    cards: rows.length,
  };
}
