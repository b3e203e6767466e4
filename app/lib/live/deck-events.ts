/**
 * In-process bus for "a deck changed" news: the folder watcher publishes, the server-sent events
 * route relays to open study pages. It lives on `globalThis` because Next bundles instrumentation and
 * route handlers separately, and each bundle would otherwise get its own copy of this module.
 */

/** What an open page needs to know: which deck, and whether its file imported or failed. */
export type DeckEvent =
  | { type: "deck-changed"; slug: string; at: string }
  | { type: "deck-failed"; slug: string; error: string; at: string };

export type DeckEventListener = (event: DeckEvent) => void;

export interface DeckEventBus {
  publish(event: DeckEvent): void;
  /** Listens to every deck, or only to `slug`. Returns the function that stops listening. */
  subscribe(listener: DeckEventListener, options?: { slug?: string }): () => void;
  /** Number of listeners, for tests and diagnostics. */
  size(): number;
}

export function createDeckEventBus(): DeckEventBus {
  const listeners = new Set<{ listener: DeckEventListener; slug: string | undefined }>();
  return {
    publish(event) {
      for (const entry of [...listeners]) {
        if (entry.slug !== undefined && entry.slug !== event.slug) continue;
        try {
          entry.listener(event);
        } catch (error) {
          // One broken subscriber (a closed stream) must not keep the news from the others.
          console.error("deck event listener failed", error);
        }
      }
    },
    subscribe(listener, options = {}) {
      const entry = { listener, slug: options.slug };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    size: () => listeners.size,
  };
}

const globalForEvents = globalThis as unknown as { notecardsDeckEvents?: DeckEventBus };

/** The one bus of this server process. */
export function getDeckEventBus(): DeckEventBus {
  globalForEvents.notecardsDeckEvents ??= createDeckEventBus();
  return globalForEvents.notecardsDeckEvents;
}
