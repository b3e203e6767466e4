import "server-only";
import { cache } from "react";
import { getDb } from "@/app/lib/db";
import { getDeckSummariesWith, getDeckDetailWith } from "./deck-reads";

export type { DeckSummary, DeckDetail, DeckCardRow } from "./deck-reads";

/** Every deck with its new / learning / due counts for the local learner (home page). */
export async function getDecks(now = new Date()) {
  const { prisma } = await getDb();
  return getDeckSummariesWith(prisma, now);
}

/** One deck with its active cards and their states (deck page), or null. Read once per request. */
export const getDeck = cache(async (slug: string) => {
  const { prisma } = await getDb();
  return getDeckDetailWith(prisma, slug, new Date());
});
