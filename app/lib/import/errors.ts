/**
 * Why a file could not be imported. The message always starts with the file (and the line when one
 * is known), e.g. `content/cells.md:4: front matter is not valid YAML`, so it can be shown as is.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, message: string, options: { line?: number; cause?: unknown } = {}) {
    const where = options.line === undefined ? file : `${file}:${options.line}`;
    super(`${where}: ${message}`, { cause: options.cause });
    this.name = "ImportError";
    this.file = file;
    this.line = options.line;
  }
}
