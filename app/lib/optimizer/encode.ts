/**
 * Training items packed into one Uint32Array, so handing 100,000 items to the training worker is
 * one transfer rather than a structured clone of a million small objects. Layout, item after item:
 * the number of reviews n, then n pairs (rating, deltaT).
 */
import type { CardHistory, Rating, ReviewStep, TrainingItem } from "./types";

/** @example encodeItems([[{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }]]) // Uint32Array [2, 3, 0, 1, 2] */
export function encodeItems(items: readonly TrainingItem[]): Uint32Array {
  let size = 0;
  for (const item of items) size += 1 + item.length * 2;
  const packed = new Uint32Array(size);
  let at = 0;
  for (const item of items) {
    packed[at++] = item.length;
    for (const { rating, deltaT } of item) {
      packed[at++] = rating;
      packed[at++] = deltaT;
    }
  }
  return packed;
}

/** The inverse of encodeItems. */
export function decodeItems(packed: Uint32Array): TrainingItem[] {
  const items: TrainingItem[] = [];
  let at = 0;
  while (at < packed.length) {
    const length = packed[at++]!;
    const item: TrainingItem = [];
    for (let i = 0; i < length; i++) item.push({ rating: packed[at++]! as Rating, deltaT: packed[at++]! });
    items.push(item);
  }
  return items;
}

/**
 * encodeItems(toTrainingItems(histories, before)) without building the items: a long history's
 * items repeat each card's earlier reviews (100,000 reviews gave 2.9 million review objects), and
 * collecting those stalled the server's thread for whole seconds.
 */
export function packTrainingItems(histories: readonly CardHistory[], before?: Date): Uint32Array {
  const included = (step: ReviewStep) => step.deltaT > 0 && (!before || step.review < before);
  let size = 0;
  for (const { steps } of histories) {
    for (let i = 1; i < steps.length; i++) {
      if (before && steps[i]!.review >= before) break;
      if (included(steps[i]!)) size += 1 + (i + 1) * 2;
    }
  }
  const packed = new Uint32Array(size);
  let at = 0;
  for (const { steps } of histories) {
    for (let i = 1; i < steps.length; i++) {
      if (before && steps[i]!.review >= before) break;
      if (!included(steps[i]!)) continue;
      packed[at++] = i + 1;
      for (let j = 0; j <= i; j++) {
        packed[at++] = steps[j]!.rating;
        packed[at++] = steps[j]!.deltaT;
      }
    }
  }
  return packed;
}
