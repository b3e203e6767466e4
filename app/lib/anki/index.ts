/**
 * Anki packages (.apkg) in and out, for the web app, the CLI and tests:
 * - `importApkg(prisma, bytes, { fileName, mediaDir })`: a package becomes a deck, with media and
 *   FSRS states replayed from its review history; refusals are {@link AnkiPackageError}s.
 * - `exportDeckApkg(prisma, slug, { mediaDir })`: a deck with its states, logs and media as .apkg.
 * - `resolveMediaPath(mediaDir, slug, file)`: the file a `/media/<slug>/<file>` request may serve.
 */
export { AnkiPackageError } from "./errors";
export { exportDeckApkg, type ApkgExport, type ApkgExportOptions } from "./export-apkg";
export { importApkg, importApkgFile, type ApkgImportOptions, type ApkgImportResult } from "./import-apkg";
export {
  defaultMediaDir,
  mediaDirFrom,
  mediaUrl,
  parseMediaUrl,
  resolveMediaPath,
  safeMediaName,
} from "./media-path";
export { defaultZipLimits, type ZipLimits } from "./zip-reader";
