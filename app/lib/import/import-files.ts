import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MAX_NOTE_BYTES } from "@/app/lib/cards";
import { formatBytes } from "@/app/lib/cards/limits";
import type { Db } from "@/app/lib/database/client";
import { ImportError } from "./errors";
import { importDeckSource, type ImportOptions, type ImportResult } from "./import-deck";
import { retireMissingFiles } from "./missing-files";

/** Options of {@link importFile}. */
export interface FileImportOptions extends ImportOptions {
  /** Folder that `sourcePath`s are relative to; defaults to the working directory. */
  root?: string;
}

/** Options of {@link importFolder}. */
export interface FolderImportOptions extends FileImportOptions {
  /** Called before each file, e.g. to print `[12/340] content/cells.md`. */
  onProgress?: (progress: { index: number; total: number; sourcePath: string }) => void;
  /** Told the slugs of decks whose file the scan no longer found (now marked missing). */
  onMissing?: (slugs: string[]) => void;
}

/** One file of a folder import: its result, or the error that names it. */
export type FileOutcome =
  | { sourcePath: string; ok: true; result: ImportResult }
  | { sourcePath: string; ok: false; error: ImportError };

/**
 * A file's `sourcePath`: relative to `root` with `/` on every platform, so a deck's identity survives
 * a move of the checkout; files outside `root` keep their absolute path.
 */
export function toSourcePath(file: string, root: string = process.cwd()): string {
  const full = path.resolve(root, file);
  const relative = path.relative(root, full);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return (inside ? relative : full).split(path.sep).join("/");
}

/** A folder's path as its files' `sourcePath`s start: "" for `root` itself, else as {@link toSourcePath}. */
export function toFolderSourcePath(dir: string, root: string = process.cwd()): string {
  const full = path.resolve(root, dir);
  return path.relative(root, full) === "" ? "" : toSourcePath(dir, root);
}

/** Every `.md` file under `dir`, recursively, sorted; hidden folders and node_modules are skipped. */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) found.push(full);
    }
  }
  await walk(dir);
  // Code-point order, not locale order, so the result is the same on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A markdown file's path, not a `browser:<slug>` or `anki:<file>` source, which have no file to lose. */
function isMarkdownFilePath(sourcePath: string): boolean {
  return /\.md$/i.test(sourcePath) && !/^[a-z][a-z\d+.-]+:/i.test(sourcePath);
}

/**
 * A note file's bytes. A file over MAX_NOTE_BYTES is refused by its size before a byte of it is read
 * (a 50 MB file never reaches memory, let alone the parser).
 */
export async function readNoteFile(file: string, sourcePath: string): Promise<Uint8Array> {
  try {
    const { size } = await stat(file);
    if (size > MAX_NOTE_BYTES) {
      throw new ImportError(
        sourcePath,
        `is ${formatBytes(size)}; notes up to ${formatBytes(MAX_NOTE_BYTES)} are read (split it into several files)`,
      );
    }
    return await readFile(file);
  } catch (cause) {
    if (cause instanceof ImportError) throw cause;
    throw new ImportError(
      sourcePath,
      `cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`,
      { cause },
    );
  }
}

/** Reads and imports one file; any failure comes back as an {@link ImportError} naming it. */
export async function importFile(
  prisma: Db,
  file: string,
  options: FileImportOptions = {},
): Promise<ImportResult> {
  const sourcePath = toSourcePath(file, options.root);
  const bytes = await readNoteFile(file, sourcePath);
  const root = options.root ?? process.cwd();
  const sourceGone = (stored: string) =>
    isMarkdownFilePath(stored) && !existsSync(path.resolve(root, stored));
  return importDeckSource(
    prisma,
    // A file of the notes folder is a shared deck: it never becomes, or overwrites, a learner's own.
    { bytes, sourcePath, fileName: path.basename(file), ownerId: null },
    { sourceGone, ...options },
  );
}

/**
 * Imports every markdown file under `dir`, one transaction per deck. A file that fails is reported
 * in its outcome and the others still import. This is a full scan of `dir`: decks of files under it
 * that are gone are then marked missing (retired from study, history kept) until their file returns.
 */
export async function importFolder(
  prisma: Db,
  dir: string,
  options: FolderImportOptions = {},
): Promise<FileOutcome[]> {
  const files = await listMarkdownFiles(dir);
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const sourcePath = toSourcePath(file, options.root);
    options.onProgress?.({ index: index + 1, total: files.length, sourcePath });
    try {
      outcomes.push({ sourcePath, ok: true, result: await importFile(prisma, file, options) });
    } catch (error) {
      const importError =
        error instanceof ImportError
          ? error
          : new ImportError(sourcePath, `import failed: ${(error as Error).message}`, { cause: error });
      outcomes.push({ sourcePath, ok: false, error: importError });
    }
  }
  const present = new Set(files.map((file) => toSourcePath(file, options.root)));
  const missing = await retireMissingFiles(
    prisma,
    toFolderSourcePath(dir, options.root),
    present,
    options.now ?? new Date(),
  );
  if (missing.length > 0) options.onMissing?.(missing);
  return outcomes;
}
