import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { resolveMediaPath } from "@/app/lib/anki/media-path";

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
): Promise<{ file: string; bytes: Buffer } | null> {
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
