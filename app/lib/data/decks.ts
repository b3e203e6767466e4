import "server-only";
import { cache } from "react";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getDb } from "@/app/lib/db";
import { getDeckMarkCountsWith } from "./card-marks";
import { getDeckCardsPageWith } from "./deck-cards";
import { getDeckListPageWith } from "./deck-list";
import { getDeckSummariesWith, getDeckDetailWith } from "./deck-reads";
import { getHomeFiguresWith } from "./home-figures";
import { getTrashWith } from "./trash-reads";
import type { PageCursor, PageQuery } from "./keyset";

export type { DeckSummary, DeckSummaryPage, DeckDetail, DeckCardRow, DeckCardsPage } from "./deck-reads";

/** A page of decks with their new / learning / due counts for the local learner (home page). */
export async function getDecks(cursor: PageCursor = {}, now = new Date()) {
  const { prisma } = await getDb();
  return getDeckSummariesWith(prisma, now, cursor);
}

/** A page of decks, titles only (the export list). */
export async function getDeckList(cursor: PageCursor = {}) {
  const { prisma } = await getDb();
  return getDeckListPageWith(prisma, cursor);
}

/** One deck with its counts (deck page), or null. Read once per request. */
export const getDeck = cache(async (slug: string) => {
  const { prisma } = await getDb();
  return getDeckDetailWith(prisma, slug, new Date());
});

/** A page of a deck's active cards for the local learner, optionally filtered by a search. */
export async function getDeckCards(deckId: string, request: PageQuery) {
  return getDeckCardsPageWith(await getDb(), deckId, request, localUserId);
}

/** How many of a deck's cards the local learner has suspended, buried and flagged. */
export async function getDeckMarkCounts(deckId: string, now = new Date()) {
  const { prisma } = await getDb();
  return getDeckMarkCountsWith(prisma, deckId, now, localUserId);
}

/** Today's figures across decks for the local learner (home page). */
export async function getHomeFigures(now = new Date()) {
  const { prisma } = await getDb();
  return getHomeFiguresWith(prisma, now);
}

/** The decks in the trash, after purging those past their date (trash page). */
export async function getTrash(now = new Date()) {
  const { prisma } = await getDb();
  return getTrashWith(prisma, now);
}

/** A deck just moved to the trash, for the home page's "Restore" notice; null when it is not there. */
export async function getTrashedDeck(slug: string) {
  const { prisma } = await getDb();
  return prisma.deck.findFirst({
    where: { slug, deletedAt: { not: null } },
    select: { id: true, slug: true, title: true },
  });
}
