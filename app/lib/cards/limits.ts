/**
 * Limits no real note reaches, so that a hostile or broken file cannot make the parser's work or the
 * stored cards grow without bound. The per-paragraph card limits live with the clozes they bound
 * (prompts/cloze.ts).
 */

/**
 * The largest note the parser reads: 2 MiB of text. A long textbook chapter of notes is a few hundred
 * KiB; a note this size already takes seconds to parse, so larger ones are refused before parsing.
 */
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

/** `12.3 MB` for a message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
