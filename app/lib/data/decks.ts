import "server-only";
import { getDb } from "@/app/lib/db";
import { getDeckSummariesWith, getDeckDetailWith } from "./deck-reads";

export type { DeckSummary, DeckDetail, DeckCardRow } from "./deck-reads";

/** Every deck with its new / learning / due counts for the local learner (home page). */
export async function getDecks(now = new Date()) {
  const { prisma } = await getDb();
  return getDeckSummariesWith(prisma, now);
}

/** One deck with its active cards and their states (deck page), or null. */
export async function getDeck(slug: string, now = new Date()) {
  const { prisma } = await getDb();
  return getDeckDetailWith(prisma, slug, now);
}
