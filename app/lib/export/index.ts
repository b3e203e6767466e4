/** Deck exports: markdown in the explicit card syntax and CSV (the .apkg export lives in app/lib/anki). */
export { csvColumns, exportDeckCsv, toCsv, type CsvOptions } from "./csv-export";
export { ExportError } from "./errors";
export {
  writeExplicitMarkdown,
  type MarkdownDeck,
  type MarkdownNote,
  type WrittenDeck,
} from "./explicit-markdown";
export { exportDeckMarkdown, type MarkdownExport } from "./markdown-export";
