import type { DeckAccessor } from "@/app/lib/auth/deck-access";
import type { Db } from "@/app/lib/database/client";
import { findManageableBrowserDeck, updateBrowserDeck, type SavedDeck } from "./save-browser-deck";
import { retitleMarkdown } from "./retitle-markdown";

/**
 * Renames a browser-added deck: its markdown gets the new title (so later edits keep it) and is
 * re-imported like an edit; the slug, and so every link to the deck, stays. A deck from a file is
 * refused: its title is the file's to say. So is a deck `accessor` may not manage.
 */
export async function renameBrowserDeck(
  prisma: Db,
  input: { slug: string; title: string },
  now: Date,
  accessor: DeckAccessor,
): Promise<SavedDeck> {
  const deck = await findManageableBrowserDeck(prisma, input.slug, accessor, "change its title in that file");
  if (deck.title === input.title) return { slug: input.slug, title: deck.title, warnings: [] };
  const markdown = retitleMarkdown(deck.source ?? "", input.title);
  return updateBrowserDeck(prisma, { slug: input.slug, markdown }, now, accessor);
}
