import type { Db } from "@/app/lib/database/client";
import { BrowserDeckError, updateBrowserDeck, type SavedDeck } from "./save-browser-deck";
import { isBrowserSource } from "./browser-source";
import { retitleMarkdown } from "./retitle-markdown";

/**
 * Renames a browser-added deck: its markdown gets the new title (so later edits keep it) and is
 * re-imported like an edit; the slug, and so every link to the deck, stays. A deck from a file is
 * refused: its title is the file's to say.
 */
export async function renameBrowserDeck(
  prisma: Db,
  input: { slug: string; title: string },
  now: Date,
): Promise<SavedDeck> {
  const deck = await prisma.deck.findUnique({
    where: { slug: input.slug },
    select: { sourcePath: true, source: true, title: true },
  });
  if (!deck) throw new BrowserDeckError(`There is no deck "${input.slug}".`);
  if (!isBrowserSource(deck.sourcePath))
    throw new BrowserDeckError(
      `"${deck.title}" comes from ${deck.sourcePath ?? "a file"}: change its title in that file.`,
    );
  if (deck.title === input.title) return { slug: input.slug, title: deck.title, warnings: [] };
  const markdown = retitleMarkdown(deck.source ?? "", input.title);
  return updateBrowserDeck(prisma, { slug: input.slug, markdown }, now);
}
