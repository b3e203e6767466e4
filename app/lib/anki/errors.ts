/**
 * An Anki package that cannot be imported: not a zip, too large, a zip bomb, no collection, a newer
 * format, a broken collection. The message says why and what to do, and can be shown as is; nothing
 * has been stored when it is thrown.
 */
export class AnkiPackageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AnkiPackageError";
  }
}
