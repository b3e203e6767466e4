/**
 * Live news for open pages, and the in-process bus that carries it. The folder watcher publishes
 * "a deck changed", grading publishes "a card's state changed", and the server-sent events route
 * relays each event to the open pages allowed to see it. On SQLite (one embedded instance) this
 * in-process bus is the whole story; on PostgreSQL (postgres-event-bus.ts) events go through
 * NOTIFY and this bus only fans them out to the process's own subscribers.
 *
 * Events carry ids, never card texts: a page refetches what it shows, and a PostgreSQL notification
 * payload stays far below its 8000-byte limit.
 */
import { canSeeDeck } from "@/app/lib/auth/deck-access";

/** What an open page needs to know. `ownerId` (null = a notes-folder deck) decides who may hear of it. */
export type DeckEvent =
  | { type: "deck-changed"; slug: string; ownerId: string | null; at: string }
  | { type: "deck-failed"; slug: string; ownerId: string | null; error: string; at: string }
  /** A learner graded, undid or marked a card: their other open pages drop or refresh it. */
  | { type: "card-changed"; userId: string; cardId: string; version: number; at: string }
  /** Events may have been missed (the listening connection dropped): pages refetch what they show. */
  | { type: "resync"; at: string };

export type DeckEventListener = (event: DeckEvent) => void;

/** Who a subscription is for: only `slug`'s deck events (all decks when absent), as seen by `userId`. */
export interface SubscribeOptions {
  slug?: string;
  /**
   * The viewer; absent only for the server's own listeners (tests, diagnostics), which hear
   * everything this process hears. On PostgreSQL that is a learner's card news only while another
   * subscription names the learner (postgres-event-bus.ts).
   */
  userId?: string;
}

/** A PostgreSQL notification, for a statement to send itself (`pg_notify(channel, payload)`). */
export interface LiveNotice {
  channel: string;
  payload: string;
}

export interface DeckEventBus {
  /** Announces an event to every instance's subscribers; resolves once it is sent. */
  publish(event: DeckEvent): Promise<void>;
  /**
   * The notification that announces `event` to every instance's subscribers when a PostgreSQL
   * statement sends it: sent at that statement's commit, and never if it rolls back. Only the
   * PostgreSQL bus has one; with it a grade's write announces itself (grade-write.ts).
   */
  notice?(event: DeckEvent): LiveNotice;
  /** Listens to the events `options` lets through. Returns the function that stops listening. */
  subscribe(listener: DeckEventListener, options?: SubscribeOptions): () => void;
  /** Number of listeners, for tests and diagnostics. */
  size(): number;
  /** Stops listening and releases connections (shutdown, tests). */
  close(): Promise<void>;
}

/**
 * Whether an event reaches a subscriber: a deck's news only if the viewer can see that deck (so a
 * private deck's existence never leaks), a card's only to the learner who changed it, and a resync to all.
 */
export function reachesSubscriber(event: DeckEvent, options: SubscribeOptions): boolean {
  switch (event.type) {
    case "resync":
      return true;
    case "card-changed":
      return options.userId === undefined || options.userId === event.userId;
    default:
      if (options.slug !== undefined && options.slug !== event.slug) return false;
      return options.userId === undefined || canSeeDeck(event, options.userId);
  }
}

/** The in-process bus: delivers synchronously to this process's subscribers. */
export function createDeckEventBus(): DeckEventBus & { deliver(event: DeckEvent): void } {
  const listeners = new Set<{ listener: DeckEventListener; options: SubscribeOptions }>();
  const deliver = (event: DeckEvent) => {
    for (const entry of [...listeners]) {
      if (!reachesSubscriber(event, entry.options)) continue;
      try {
        entry.listener(event);
      } catch (error) {
        // One broken subscriber (a closed stream) must not keep the news from the others.
        console.error("deck event listener failed", error);
      }
    }
  };
  return {
    deliver,
    publish: async (event) => deliver(event),
    subscribe(listener, options = {}) {
      const entry = { listener, options };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    size: () => listeners.size,
    close: async () => listeners.clear(),
  };
}

/** Publishes without letting a failed announcement fail the write it follows (that write is committed). */
export function announce(bus: DeckEventBus, event: DeckEvent): Promise<void> {
  return bus
    .publish(event)
    .catch((error: unknown) => console.error(`could not announce ${event.type}`, error));
}
