import "server-only";
import { getDb } from "@/app/lib/db";
import { isBrowserSource } from "./browser-source";

export type DeckSourceForEdit =
  | { origin: "browser"; slug: string; title: string; markdown: string }
  | { origin: "file"; slug: string; title: string; sourcePath: string | null };

/** What the edit page needs: the markdown of a browser-added deck, or where a file deck lives. */
export async function getDeckSource(slug: string): Promise<DeckSourceForEdit | null> {
  const { prisma } = await getDb();
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: { slug: true, title: true, sourcePath: true, source: true },
  });
  if (!deck) return null;
  if (isBrowserSource(deck.sourcePath)) {
    return { origin: "browser", slug: deck.slug, title: deck.title, markdown: deck.source ?? "" };
  }
  return { origin: "file", slug: deck.slug, title: deck.title, sourcePath: deck.sourcePath };
}
