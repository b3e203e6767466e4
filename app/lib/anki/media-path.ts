/**
 * Where a deck's media files live and how markdown refers to them. A file `cat.png` of the deck
 * `spanish` is stored as `<mediaDir>/spanish/cat.png` (mediaDir defaults to `data/media`) and written
 * in markdown as `/media/spanish/cat.png`, the URL the app's media route serves.
 */
import path from "node:path";
import { readEnv } from "@/app/lib/env";

export const defaultMediaDir = "data/media";

/** The media folder from the environment: `MEDIA_DIR`, default `data/media` (validated in env.ts). */
export function mediaDirFrom(env: NodeJS.ProcessEnv): string {
  return readEnv(env).MEDIA_DIR;
}
export const mediaUrlPrefix = "/media/";

/** A path segment that cannot climb out of its folder or hide as something else. */
function isSafeSegment(segment: string): boolean {
  return (
    segment.length > 0 &&
    segment.length <= 255 &&
    segment !== "." &&
    segment !== ".." &&
    !segment.startsWith(".") &&
    !/[/\\\0-\x1f\x7f]/.test(segment)
  );
}

/**
 * The file on disk for a requested media file, or null when the request is not a safe name (`..`,
 * separators, hidden files, control characters) or would land outside `mediaDir`. Pure: it does not
 * check that the file exists. Give it the URL-decoded path segments.
 *
 * @example resolveMediaPath("data/media", "spanish", "cat.png") // -> "/abs/data/media/spanish/cat.png"
 * @example resolveMediaPath("data/media", "spanish", "../../etc/passwd") // -> null
 */
export function resolveMediaPath(mediaDir: string, deckSlug: string, fileName: string): string | null {
  if (!isSafeSegment(deckSlug) || !isSafeSegment(fileName)) return null;
  const root = path.resolve(mediaDir);
  const full = path.resolve(root, deckSlug, fileName);
  const relative = path.relative(root, full);
  if (relative.startsWith("..") || path.isAbsolute(relative) || relative.split(path.sep).length !== 2)
    return null;
  return full;
}

/** A name for an Anki media file that {@link resolveMediaPath} accepts: unsafe characters become `_`. */
export function safeMediaName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[/\\:*?"<>|\0-\x1f\x7f]/g, "_")
    .replace(/^\.+/, "_")
    .slice(0, 200);
  return cleaned === "" || cleaned === "_" ? "file" : cleaned;
}

/** The URL markdown uses for a deck's media file. */
export function mediaUrl(deckSlug: string, fileName: string): string {
  return `${mediaUrlPrefix}${encodeURIComponent(deckSlug)}/${encodeURIComponent(fileName)}`;
}

/** The deck slug and file name a `/media/<slug>/<file>` URL names, or null for any other URL. */
export function parseMediaUrl(url: string): { deckSlug: string; fileName: string } | null {
  if (!url.startsWith(mediaUrlPrefix)) return null;
  const parts = url.slice(mediaUrlPrefix.length).split("/");
  if (parts.length !== 2) return null;
  try {
    const [deckSlug, fileName] = parts.map((part) => decodeURIComponent(part)) as [string, string];
    return isSafeSegment(deckSlug) && isSafeSegment(fileName) ? { deckSlug, fileName } : null;
  } catch {
    return null;
  }
}
