import type { Db } from "@/app/lib/database/client";
import { groupNotes, loadExportDeck } from "./deck-notes";
import { writeExplicitMarkdown } from "./explicit-markdown";

export interface MarkdownExport {
  fileName: string;
  markdown: string;
  /** Cards that could not be written exactly (importing the file changes their text or kind). */
  warnings: string[];
}

/**
 * A deck as markdown in the explicit card syntax (see explicit-markdown.ts): importing the file
 * gives the same cards with the same keys. Retired cards are left out.
 *
 * @example const { markdown } = await exportDeckMarkdown(prisma, "spanish")
 */
export async function exportDeckMarkdown(
  prisma: Db,
  slug: string,
  options: { userId: string },
): Promise<MarkdownExport> {
  const deck = await loadExportDeck(prisma, slug, options.userId);
  const notes = groupNotes(deck);
  const warnings: string[] = [];
  const written = writeExplicitMarkdown({
    title: deck.title,
    slug: deck.slug,
    description: deck.description,
    tags: deck.tags,
    notes: notes.map((note) => {
      if (note.kind === "cloze" && !note.clozeSource) {
        warnings.push(
          `Cloze card on line ${note.cards[0]!.line} ("${note.front.slice(0, 40)}"): its cloze text was not found; written as a basic card`,
        );
        return { ...note, kind: "basic" as const };
      }
      return note;
    }),
  });
  if (written.lossy)
    warnings.push(
      `${written.lossy} notes have sides that do not fit one paragraph; their blank lines and block markers were flattened`,
    );
  return { fileName: `${deck.slug}.md`, markdown: written.markdown, warnings };
}
