/** Markdown files -> decks and cards in the database, shared by the web app, the CLI and tests. */
export { ImportError } from "./errors";
export { recordImportError } from "./record-error";
export { decodeMarkdown } from "./decode";
export { parseSource, parseText } from "./parse-source";
export { parseSourceOffThread, parseTextOffThread } from "./parse-off-thread";
export { importFormatVersion, sourceHash } from "./source-hash";
export {
  importDeckSource,
  unchangedImport,
  writeParsedSource,
  type DeckSource,
  type ImportCounts,
  type ImportOptions,
  type ImportResult,
  type ParsedSource,
} from "./import-deck";
export {
  importFile,
  importFolder,
  listMarkdownFiles,
  readNoteFile,
  toSourcePath,
  type FileImportOptions,
  type FileOutcome,
  type FolderImportOptions,
} from "./import-files";
