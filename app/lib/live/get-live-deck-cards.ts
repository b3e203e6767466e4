import "server-only";
import { parseContext } from "@/app/lib/data/mappers";
import { getDb } from "@/app/lib/db";
import type { LiveCard, LiveDeckCards } from "./live-card";

/** A deck's current cards (retired ones left out) and its import error; null when there is no such deck. */
export async function getLiveDeckCards(slug: string): Promise<LiveDeckCards | null> {
  const { prisma } = await getDb();
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: {
      slug: true,
      lastError: true,
      deletedAt: true,
      missingAt: true,
      cards: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, front: true, back: true, context: true, line: true, position: true },
      },
    },
  });
  if (!deck) return null;
  return {
    slug: deck.slug,
    lastError: deck.lastError,
    // A deck sent to the trash or whose file went is hidden from an open study page too.
    cards: (deck.deletedAt || deck.missingAt ? [] : deck.cards).map((card) => ({
      ...card,
      kind: card.kind as LiveCard["kind"],
      context: parseContext(card.context),
    })),
  };
}
