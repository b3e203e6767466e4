"use client";

import { useEffect, useRef } from "react";
import type { LiveDeckCards } from "@/app/lib/live/live-card";

const connectDelayMs = 1_000;

/**
 * Keeps an open page in step with the deck's file: subscribes to the deck's server-sent events and,
 * when the deck was re-imported, fetches its current cards and hands them to `onCardsChanged`. It
 * also fetches once each time the stream (re)connects, so a change made while the page was loading
 * or while the connection was down is not missed. `onDeckError` gets the import error (or null).
 */
export function useDeckUpdates(
  slug: string,
  onCardsChanged: (deck: LiveDeckCards) => void,
  onDeckError?: (error: string | null) => void,
): void {
  // Latest callbacks without re-subscribing on every render.
  const callbacks = useRef({ onCardsChanged, onDeckError });
  useEffect(() => {
    callbacks.current = { onCardsChanged, onDeckError };
  });

  useEffect(() => {
    let cancelled = false;
    let fetching: AbortController | null = null;

    async function refresh(): Promise<void> {
      fetching?.abort();
      const controller = new AbortController();
      fetching = controller;
      try {
        const response = await fetch(`/api/decks/${encodeURIComponent(slug)}/cards`, {
          cache: "no-store",
          signal: controller.signal,
        });
        if (!response.ok || cancelled) return;
        const deck = (await response.json()) as LiveDeckCards;
        if (cancelled || controller.signal.aborted) return;
        callbacks.current.onCardsChanged(deck);
        callbacks.current.onDeckError?.(deck.lastError);
      } catch {
        // Offline or aborted: the next event or reconnect fetches again.
      }
    }

    let source: EventSource | null = null;
    function connect(): void {
      source = new EventSource(`/api/events?deck=${encodeURIComponent(slug)}`);
      source.addEventListener("open", () => void refresh());
      source.addEventListener("deck-changed", () => void refresh());
      source.addEventListener("deck-failed", (event) => {
        try {
          const { error } = JSON.parse((event as MessageEvent<string>).data) as { error: string };
          callbacks.current.onDeckError?.(error);
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
      fetching?.abort();
      source?.close();
    };
  }, [slug]);
}
