import "server-only";
import { getDb } from "@/app/lib/db";
import type { LiveCard, LiveDeckCards } from "./live-card";

/** The stored JSON heading path; a malformed column reads as no context rather than failing. */
function readContext(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** A deck's current cards (retired ones left out) and its import error; null when there is no such deck. */
export async function getLiveDeckCards(slug: string): Promise<LiveDeckCards | null> {
  const { prisma } = await getDb();
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: {
      slug: true,
      lastError: true,
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
    cards: deck.cards.map((card) => ({
      ...card,
      kind: card.kind as LiveCard["kind"],
      context: readContext(card.context),
    })),
  };
}
