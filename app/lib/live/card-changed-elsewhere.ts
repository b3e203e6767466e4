/**
 * A study queue after the learner changed one of its cards elsewhere (another tab, or a page on
 * another instance): a card whose server version has moved past the one this page holds was graded
 * (or undone) there, so this page leaves it to that one instead of showing it again only for the
 * grade to be refused as a conflict. Cards in `keep` (the one on screen, those this page graded and
 * may undo) stay: grading or undoing them meets the existing conflict handling.
 *
 * Returns the same array when nothing changes, so React can skip the render.
 */
export function dropCardChangedElsewhere<T extends { id: string; version: number }>(
  cards: readonly T[],
  change: { cardId: string; version: number },
  keep: ReadonlySet<string>,
): readonly T[] {
  const card = cards.find((candidate) => candidate.id === change.cardId);
  if (!card || keep.has(card.id) || change.version <= card.version) return cards;
  return cards.filter((candidate) => candidate !== card);
}
