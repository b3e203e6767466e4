"use client";

import { useState, type RefObject } from "react";
import { mergeLiveCards } from "@/app/lib/live/merge-live-cards";
import type { SessionState } from "@/app/lib/study/session";
import { useDeckUpdates } from "./use-deck-updates";

/**
 * Keeps a running study session in step with its deck's file: when the deck is re-imported, cards in
 * the session take their new texts in place (same id, same schedule, nothing lost from the session or
 * the outbox) and retired cards leave the queue, unless on screen or graded in this session (undo
 * needs them). Returns the ids of the cards whose text changed since the page was rendered, whose
 * server-rendered sides are therefore stale. `onDeckError` gets the deck's import error, or null.
 */
export function useLiveSession(
  slug: string,
  sessionRef: RefObject<SessionState>,
  commit: (next: SessionState) => void,
  onDeckError?: (error: string | null) => void,
): ReadonlySet<string> {
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  useDeckUpdates(
    slug,
    (deck) => {
      const state = sessionRef.current;
      const keep = new Set(state.history.map((entry) => entry.card.id));
      if (state.currentId) keep.add(state.currentId);
      const merged = mergeLiveCards(state.cards, deck.cards, keep);
      if (merged.cards === state.cards) return;
      commit({ ...state, cards: merged.cards });
      if (merged.edited.length > 0) setEdited((ids) => new Set([...ids, ...merged.edited]));
    },
    onDeckError,
  );
  return edited;
}
