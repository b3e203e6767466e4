"use client";

import { useEffect, useRef } from "react";
import type { LiveDeckCards } from "@/app/lib/live/live-card";

const connectDelayMs = 1_000;

/**
 * Keeps an open page in step with the deck's file: subscribes to the deck's server-sent events and,
 * when the deck was re-imported, fetches its current cards and hands them to `onCardsChanged`. It
 * also fetches once each time the stream (re)connects, so a change made while the page was loading
 * or while the connection was down is not missed. `onDeckError` gets the import error (or null).
 * With `slug` null (Study all) it listens to every deck and fetches the deck each event names; it
 * then refetches nothing on (re)connect, as that would mean every deck of the session.
 * `onCardChanged` hears of the learner's own grades and undos saved elsewhere (another tab, or a
 * page served by another instance).
 */
export function useDeckUpdates(
  slug: string | null,
  onCardsChanged: (deck: LiveDeckCards) => void,
  onDeckError?: (error: string | null) => void,
  onCardChanged?: (change: { cardId: string; version: number }) => void,
): void {
  // Latest callbacks without re-subscribing on every render.
  const callbacks = useRef({ onCardsChanged, onDeckError, onCardChanged });
  useEffect(() => {
    callbacks.current = { onCardsChanged, onDeckError, onCardChanged };
  });

  useEffect(() => {
    let cancelled = false;
    const fetching = new Map<string, AbortController>();

    async function refresh(deckSlug: string): Promise<void> {
      fetching.get(deckSlug)?.abort();
      const controller = new AbortController();
      fetching.set(deckSlug, controller);
      try {
        const response = await fetch(`/api/decks/${encodeURIComponent(deckSlug)}/cards`, {
          cache: "no-store",
          signal: controller.signal,
        });
        if (!response.ok || cancelled) return;
        const deck = (await response.json()) as LiveDeckCards;
        if (cancelled || controller.signal.aborted) return;
        callbacks.current.onCardsChanged(deck);
        const error = deck.lastError && slug === null ? `${deckSlug}: ${deck.lastError}` : deck.lastError;
        callbacks.current.onDeckError?.(error);
      } catch {
        // Offline or aborted: the next event or reconnect fetches again.
      }
    }

    let source: EventSource | null = null;
    function connect(): void {
      source = new EventSource(
        slug === null ? "/api/events" : `/api/events?deck=${encodeURIComponent(slug)}`,
      );
      if (slug !== null) {
        source.addEventListener("open", () => void refresh(slug));
        // The server's listening connection dropped and events may be lost: read the deck again.
        source.addEventListener("resync", () => void refresh(slug));
      }
      source.addEventListener("card-changed", (event) => {
        const change = cardChange(event);
        if (change) callbacks.current.onCardChanged?.(change);
      });
      source.addEventListener("deck-changed", (event) => {
        const changed = slug ?? eventSlug(event);
        if (changed) void refresh(changed);
      });
      source.addEventListener("deck-failed", (event) => {
        try {
          const { error, slug: failed } = JSON.parse((event as MessageEvent<string>).data) as {
            error: string;
            slug: string;
          };
          callbacks.current.onDeckError?.(slug === null ? `${failed}: ${error}` : error);
        } catch {
          // A malformed event carries nothing to show.
        }
      });
    }

    // The stream stays open for as long as the page does, so it starts a moment after the page has
    // loaded: it never competes with the page's own requests, and tools that wait for the network to
    // go quiet after a load still see it do so. The fetch on open covers whatever changed meanwhile.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      timer = setTimeout(connect, connectDelayMs);
    };
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });

    return () => {
      cancelled = true;
      window.removeEventListener("load", start);
      clearTimeout(timer);
      for (const controller of fetching.values()) controller.abort();
      source?.close();
    };
  }, [slug]);
}

/** The deck an event names, or null for a malformed event. */
function eventSlug(event: Event): string | null {
  try {
    const { slug } = JSON.parse((event as MessageEvent<string>).data) as { slug?: unknown };
    return typeof slug === "string" ? slug : null;
  } catch {
    return null;
  }
}

/** The card and version a card-changed event names, or null for a malformed event. */
function cardChange(event: Event): { cardId: string; version: number } | null {
  try {
    const { cardId, version } = JSON.parse((event as MessageEvent<string>).data) as {
      cardId?: unknown;
      version?: unknown;
    };
    return typeof cardId === "string" && typeof version === "number" ? { cardId, version } : null;
  } catch {
    return null;
  }
}
