import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { resolveMediaPath } from "@/app/lib/anki/media-path";
import type { Db } from "@/app/lib/database/client";
import { getVisibleDeckWith } from "@/app/lib/data/visible-deck";

export interface MediaFile {
  file: string;
  bytes: Buffer;
}

/**
 * A deck's media file for `userId`: only of a deck they may see (an Anki import is its importer's
 * own), so another learner's file reads as missing, like one that does not exist.
 */
export async function readDeckMediaFile(
  prisma: Db,
  userId: string,
  { mediaDir, deckSlug, fileName }: { mediaDir: string; deckSlug: string; fileName: string },
): Promise<MediaFile | null> {
  if (!(await getVisibleDeckWith(prisma, deckSlug, userId))) return null;
  return readMediaFile(mediaDir, deckSlug, fileName);
}

/**
 * The bytes of a deck's media file, or null when there is none to serve. The name is checked as a
 * path first (no `..`, no separators); then the file's real path, links followed, must still lie
 * inside the media folder, so a symlink placed in it (by an archive tool, a sync client, a careless
 * `ln -s`) cannot serve a file from elsewhere on the machine.
 */
export async function readMediaFile(
  mediaDir: string,
  deckSlug: string,
  fileName: string,
): Promise<MediaFile | null> {
  const file = resolveMediaPath(mediaDir, deckSlug, fileName);
  if (!file) return null;
  try {
    const [root, real] = await Promise.all([realpath(mediaDir), realpath(file)]);
    const relative = path.relative(root, real);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return null;
    return { file, bytes: await readFile(real) };
  } catch {
    return null;
  }
}
