import "server-only";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { getViewer } from "@/app/lib/auth/viewer";
import { getDb } from "@/app/lib/db";
import { isBrowserSource } from "./browser-source";

export type DeckSourceForEdit =
  | { origin: "browser"; slug: string; title: string; markdown: string }
  | { origin: "file"; slug: string; title: string; sourcePath: string | null };

/**
 * What the edit page needs: the markdown of a browser-added deck, or where a file deck lives. Null
 * for no deck, and for a deck the viewer cannot see (another learner's markdown is theirs).
 */
export async function getDeckSource(slug: string): Promise<DeckSourceForEdit | null> {
  const viewer = await getViewer();
  if (!viewer) return null;
  const { prisma } = await getDb();
  const deck = await prisma.deck.findFirst({
    where: { slug, ...visibleDeckWhere(viewer.userId) },
    select: { slug: true, title: true, sourcePath: true, source: true },
  });
  if (!deck) return null;
  if (isBrowserSource(deck.sourcePath)) {
    return { origin: "browser", slug: deck.slug, title: deck.title, markdown: deck.source ?? "" };
  }
  return { origin: "file", slug: deck.slug, title: deck.title, sourcePath: deck.sourcePath };
}
