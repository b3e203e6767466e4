/**
 * Anki's leech rule: a card is a leech when a lapse brings its lapses to the threshold, and again
 * every half threshold after that (8, 12, 16 ... for the default 8), so an unsuspended leech that keeps
 * failing is caught again.
 */
export function becomesLeech(lapsesBefore: number, lapsesAfter: number, threshold: number): boolean {
  if (lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / 2));
  return (lapsesAfter - threshold) % every === 0;
}
