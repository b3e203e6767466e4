/**
 * Decks whose notes file is gone. Such a deck is retired, not deleted: `missingAt` hides it from
 * study and the counts, and its cards keep their history; importing the file again (same path)
 * clears it. Only a scan that saw the whole folder, or the watcher seeing the file removed, may
 * say a file is missing: an import of some files says nothing about the others.
 */
import type { Db } from "@/app/lib/database/client";

/** A `sourcePath` under the folder `folder` (itself a sourcePath, e.g. `content`). */
function folderPrefix(folder: string): string {
  return folder === "" || folder === "." ? "" : `${folder.replace(/\/+$/, "")}/`;
}

/**
 * After a full scan of `folder`: marks missing (at `now`) the decks imported from a markdown file
 * under it that the scan did not find. `present` holds the sourcePaths of every .md file found,
 * whether or not it imported. Returns the slugs of the decks newly marked.
 */
export async function retireMissingFiles(
  prisma: Db,
  folder: string,
  present: ReadonlySet<string>,
  now: Date,
): Promise<string[]> {
  const prefix = folderPrefix(folder);
  const decks = await prisma.deck.findMany({
    // Only the notes folder's own (shared) decks: a learner's private deck has no file here to lose.
    where: { ownerId: null, missingAt: null, sourcePath: { startsWith: prefix, endsWith: ".md" } },
    select: { id: true, slug: true, sourcePath: true },
  });
  const gone = decks.filter(
    (deck) =>
      deck.sourcePath !== null &&
      !isSchemePath(deck.sourcePath) &&
      // A scan of the root folder holds relative paths only: a file outside it is not in the scan.
      !(prefix === "" && deck.sourcePath.startsWith("/")) &&
      !present.has(deck.sourcePath),
  );
  if (gone.length === 0) return [];
  await prisma.deck.updateMany({
    where: { id: { in: gone.map((deck) => deck.id) }, missingAt: null },
    data: { missingAt: now },
  });
  return gone.map((deck) => deck.slug);
}

/** `browser:x.md` or `anki:x.md` name no file in the folder. */
function isSchemePath(sourcePath: string): boolean {
  return /^[a-z][a-z\d+.-]+:/i.test(sourcePath) && !/^[a-z]:[\\/]/i.test(sourcePath);
}

/** The watcher saw `sourcePath` removed: marks its deck missing. Returns its slug, or null. */
export async function markFileMissing(prisma: Db, sourcePath: string, now: Date): Promise<string | null> {
  const deck = await prisma.deck.findFirst({
    where: { sourcePath, ownerId: null },
    select: { id: true, slug: true },
  });
  if (!deck) return null;
  await prisma.deck.updateMany({ where: { id: deck.id, missingAt: null }, data: { missingAt: now } });
  return deck.slug;
}
