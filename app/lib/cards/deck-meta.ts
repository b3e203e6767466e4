/** Title and slug fallbacks: front matter, then the document, then the file name. */
import { slug as slugify } from "github-slugger";

/** `notes/socket-io.md` -> `socket-io`. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.(md|markdown|mdown|txt)$/i, "");
}

/**
 * A readable title from a file name: separators become spaces and each word gets a capital,
 * words someone already capitalised (`iOS`, `HTTP`) are kept as written.
 * @example humaniseFileName("socket-io.md") === "Socket Io"; humaniseFileName("cell_biology") === "Cell Biology"
 */
export function humaniseFileName(fileName: string): string {
  const words = baseName(fileName)
    .split(/[-_\s]+/)
    .filter((word) => word !== "");
  return words
    .map((word) => (/[A-Z]/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}

/** A URL-safe slug; empty input gives "deck" so a deck always has one. */
export function toSlug(text: string): string {
  return slugify(text.trim()) || "deck";
}
