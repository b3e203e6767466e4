/**
 * The largest body the app accepts, one limit per kind of upload. Each is used both where the request
 * is read (so an upload stops at the limit while it streams) and by the code that reads the content,
 * so the two can never disagree. Plain constants: the browser forms import them too, to say so before
 * sending.
 */

const megabyte = 1024 * 1024;

/** An Anki package (.apkg) sent to /api/anki; also the zip reader's archive limit. */
export const ankiPackageMaxBytes = 100 * megabyte;

/** A JSON backup sent to /api/backup. */
export const backupMaxBytes = 200 * megabyte;

/**
 * Markdown added or edited in the browser, all decks of one save together, counted as UTF-8 bytes
 * with each line break as the two bytes (CRLF) a form post turns it into. It stays under
 * {@link serverActionBodyMaxBytes} with room for the form's own fields and multipart framing.
 */
export const deckMarkdownMaxBytes = 900 * 1024;

/** What Next accepts as the body of a Server Action (next.config.ts `serverActions.bodySizeLimit`). */
export const serverActionBodyMaxBytes = megabyte;

/**
 * What the learner is told when their markdown is over {@link deckMarkdownMaxBytes}, by the form
 * before sending and by the Server Action alike. `advice` says what to do instead.
 */
export function markdownTooLargeMessage(bytes: number, advice: string): string {
  return `That is ${formatKilobytes(bytes)} of markdown, more than the ${formatKilobytes(deckMarkdownMaxBytes)} one save can take: ${advice}.`;
}

export const addDeckAdvice = "add the files a few at a time";
export const editDeckAdvice = "split the deck in two";

/** `104857600` -> `"100 MB"`, for messages. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / megabyte) * 10) / 10} MB`;
}

/** `921600` -> `"900 KB"`, for messages about markdown. */
export function formatKilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

const encoder = new TextEncoder();

/**
 * The size that {@link deckMarkdownMaxBytes} limits: UTF-8 bytes of every text, each line break
 * counted as CRLF whether it arrives as LF or CRLF. The add-deck form and the Server Action both
 * measure with this, so the form never sends what the action refuses.
 *
 * @example markdownPayloadBytes(["a\nb"]) // -> 4
 */
export function markdownPayloadBytes(texts: readonly string[]): number {
  let total = 0;
  for (const text of texts) {
    const normalised = text.replace(/\r\n?/g, "\n");
    total += encoder.encode(normalised).byteLength + (normalised.match(/\n/g)?.length ?? 0);
  }
  return total;
}
