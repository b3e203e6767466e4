import { announce, type DeckEvent, type LiveNotice } from "./deck-events";
import { getDeckEventBus } from "./process-bus";

/** The news that a learner's card is now at `version` (a grade, an undo or a mark saved). */
function cardChanged(userId: string, change: { cardId: string; version: number }): DeckEvent {
  return {
    type: "card-changed",
    userId,
    cardId: change.cardId,
    version: change.version,
    at: new Date().toISOString(),
  };
}

/**
 * Tells the learner's other open pages (other tabs, pages served by other instances) that a card's
 * state changed: a grade or undo saved, now at `version`. Called after the write committed; not
 * awaited by the action, whose answer must not wait on the news.
 */
export function announceCardChange(
  userId: string,
  change: { cardId: string; version: number },
): Promise<void> {
  return announce(getDeckEventBus(), cardChanged(userId, change));
}

/**
 * The notification a grade's write sends itself at its commit, where the bus has one (PostgreSQL):
 * no round trip of its own, and no news lost if the process dies between the commit and the
 * announcement. Undefined on SQLite's in-process bus: announce after the write there.
 */
export function cardChangeNotice(
  userId: string,
): ((change: { cardId: string; version: number }) => LiveNotice) | undefined {
  const bus = getDeckEventBus();
  if (!bus.notice) return undefined;
  return (change) => bus.notice!(cardChanged(userId, change));
}
