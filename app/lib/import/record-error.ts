import type { Db } from "@/app/lib/database/client";

/**
 * Notes on the deck of `sourcePath` (if it has one) that its file failed to import, for the deck page
 * to show. Kept apart from the import, which rolls back and changes nothing; the next successful
 * import of the file clears it. Returns the deck's slug, or null when the file has no deck yet.
 * Notes-folder files only: their decks are the shared ones (ownerId null).
 */
export async function recordImportError(
  prisma: Db,
  sourcePath: string,
  message: string,
): Promise<string | null> {
  const deck = await prisma.deck.findFirst({
    where: { sourcePath, ownerId: null },
    select: { id: true, slug: true, lastError: true },
  });
  if (!deck) return null;
  // An unchanged message is not written again, so re-running a failing import writes nothing.
  if (deck.lastError !== message) {
    await prisma.deck.update({ where: { id: deck.id }, data: { lastError: message } });
  }
  return deck.slug;
}
