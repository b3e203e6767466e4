import { announce } from "./deck-events";
import { getDeckEventBus } from "./process-bus";

/**
 * Tells the learner's other open pages (other tabs, pages served by other instances) that a card's
 * state changed: a grade or undo saved, now at `version`. Called after the write committed; not
 * awaited by the action, whose answer must not wait on the news.
 */
export function announceCardChange(
  userId: string,
  change: { cardId: string; version: number },
): Promise<void> {
  return announce(getDeckEventBus(), {
    type: "card-changed",
    userId,
    cardId: change.cardId,
    version: change.version,
    at: new Date().toISOString(),
  });
}
