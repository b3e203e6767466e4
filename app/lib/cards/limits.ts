/**
 * Limits no real note reaches, so that a hostile or broken file cannot make the parser's work or the
 * stored cards grow without bound. The per-paragraph card limits live with the clozes they bound
 * (prompts/cloze.ts).
 */

/** The largest note the parser reads: 8 MiB of text (a long textbook chapter is under 1 MiB). */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

/** `12.3 MB` for a message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
