import "server-only";
import { cache } from "react";
import type { DeckAccessor } from "@/app/lib/auth/deck-access";
import { getDb } from "@/app/lib/db";
import { getDeckMarkCountsWith } from "./card-marks";
import { getDeckCardsPageWith } from "./deck-cards";
import { getDeckListPageWith } from "./deck-list";
import { getDeckSummariesWith, getDeckDetailWith } from "./deck-reads";
import { getHomeFiguresWith } from "./home-figures";
import { getTrashedDeckWith, getTrashWith } from "./trash-reads";
import { getVisibleDeckWith } from "./visible-deck";
import type { PageCursor, PageQuery } from "./keyset";

export type { DeckSummary, DeckSummaryPage, DeckDetail, DeckCardRow, DeckCardsPage } from "./deck-reads";

// Every read takes the learner from the page (app/lib/auth/viewer.ts): none falls back to anyone.

/** A page of the learner's decks with their new / learning / due counts (home page). */
export async function getDecks(userId: string, cursor: PageCursor = {}, now = new Date()) {
  const { prisma } = await getDb();
  return getDeckSummariesWith(prisma, now, cursor, userId);
}

/** A page of the learner's decks, titles only (the export list). */
export async function getDeckList(userId: string, cursor: PageCursor = {}) {
  const { prisma } = await getDb();
  return getDeckListPageWith(prisma, userId, cursor);
}

/** One deck the learner may see with their counts (deck page), or null. Read once per request. */
export const getDeck = cache(async (userId: string, slug: string) => {
  const { prisma } = await getDb();
  return getDeckDetailWith(prisma, slug, new Date(), userId);
});

/** A deck the learner may see, without figures (a page that only needs to know it is there), or null. */
export async function getVisibleDeck(userId: string, slug: string) {
  const { prisma } = await getDb();
  return getVisibleDeckWith(prisma, slug, userId);
}

/**
 * A page of a deck's active cards with the learner's progress, optionally filtered by a search.
 * `deckId` comes from {@link getDeck}, which has checked the learner may see it.
 */
export async function getDeckCards(userId: string, deckId: string, request: PageQuery) {
  return getDeckCardsPageWith(await getDb(), deckId, request, userId);
}

/** How many of a deck's cards the learner has suspended, buried and flagged. */
export async function getDeckMarkCounts(userId: string, deckId: string, now = new Date()) {
  const { prisma } = await getDb();
  return getDeckMarkCountsWith(prisma, deckId, now, userId);
}

/** Today's figures across the learner's decks (home page). */
export async function getHomeFigures(userId: string, now = new Date()) {
  const { prisma } = await getDb();
  return getHomeFiguresWith(prisma, now, userId);
}

/** The decks in the learner's trash, after purging those past their date (trash page). */
export async function getTrash(accessor: DeckAccessor, now = new Date()) {
  const { prisma } = await getDb();
  return getTrashWith(prisma, now, accessor);
}

/** A deck just moved to the learner's trash, for the home page's "Restore" notice; null when not there. */
export async function getTrashedDeck(accessor: DeckAccessor, slug: string) {
  const { prisma } = await getDb();
  return getTrashedDeckWith(prisma, slug, accessor);
}
