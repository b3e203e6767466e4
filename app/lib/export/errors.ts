/** A deck that cannot be exported (unknown slug, a media file that cannot be read, ...). */
export class ExportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExportError";
  }
}
