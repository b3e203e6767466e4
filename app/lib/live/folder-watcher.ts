/**
 * Watches the notes folder and re-imports a markdown file as soon as it is saved, so a learner who
 * edits `content/*.md` in their own editor sees the change in the app within a second.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import type { Db } from "@/app/lib/database/client";
import { importFile, recordImportError, toSourcePath, type ImportResult } from "@/app/lib/import";
import { listMarkdownFiles, toFolderSourcePath } from "@/app/lib/import/import-files";
import { markFileMissing, retireMissingFiles } from "@/app/lib/import/missing-files";
import { announce, type DeckEventBus } from "./deck-events";

export interface FolderWatcherOptions {
  prisma: Db;
  /** The folder to watch (CONTENT_DIR), absolute or relative to the working directory. */
  contentDir: string;
  bus: DeckEventBus;
  /** Folder that `sourcePath`s are relative to, as for `cards import`; defaults to the working directory. */
  root?: string;
  /**
   * Re-import every file (and retire the decks of files that went) once watching has begun: for an
   * instance taking over the watch from one that died, which may have missed changes.
   */
  scanFirst?: boolean;
  /** Called after each attempt, for logs and tests. */
  onResult?: (outcome: WatchOutcome) => void;
}

export type WatchOutcome =
  | { file: string; ok: true; result: ImportResult }
  | { file: string; ok: true; missing: string | null }
  | { file: string; ok: false; error: Error; slug: string | null };

export interface FolderWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Decks of the notes folder are shared by every learner (Deck.ownerId null), so all may hear of them. */
const folderDeckOwner = null;

function isMarkdown(file: string): boolean {
  return file.toLowerCase().endsWith(".md");
}

/**
 * Hidden files and folders and node_modules, which `cards import` skips too: editors' lock and swap
 * files (`.#notes.md`) and tool folders are not notes.
 */
function isSkipped(root: string, file: string): boolean {
  const relative = path.relative(root, path.resolve(root, file));
  return relative.split(path.sep).some((part) => part.startsWith(".") || part === "node_modules");
}

export function watchContentFolder(options: FolderWatcherOptions): FolderWatcher {
  const { prisma, bus } = options;
  const importRoot = options.root ?? process.cwd();
  const root = path.resolve(options.contentDir);

  // One import per file at a time; a save during an import queues exactly one more run.
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  /** The file was removed: its deck is retired (hidden from study, history kept) until it returns. */
  async function retire(file: string): Promise<void> {
    const at = new Date();
    const slug = await markFileMissing(prisma, toSourcePath(file, importRoot), at);
    if (slug)
      await announce(bus, { type: "deck-changed", slug, ownerId: folderDeckOwner, at: at.toISOString() });
    options.onResult?.({ file, ok: true, missing: slug });
  }

  async function reimport(file: string): Promise<void> {
    // The same path as `cards import`, so the file keeps the identity (sourcePath) it was imported with.
    const sourcePath = toSourcePath(file, importRoot);
    const at = new Date();
    try {
      const result = await importFile(prisma, file, { root: importRoot, now: at });
      if (result.status !== "unchanged") {
        await announce(bus, {
          type: "deck-changed",
          slug: result.deck.slug,
          ownerId: folderDeckOwner,
          at: at.toISOString(),
        });
      }
      options.onResult?.({ file, ok: true, result });
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      // The import rolled back, so the stored deck is as it was; only the error is recorded, outside
      // that transaction, for the deck page to show. The next successful import clears it.
      const slug = await recordImportError(prisma, sourcePath, error.message);
      if (slug) {
        await announce(bus, {
          type: "deck-failed",
          slug,
          ownerId: folderDeckOwner,
          error: error.message,
          at: at.toISOString(),
        });
      } else console.warn(`notes folder: ${error.message}`);
      options.onResult?.({ file, ok: false, error, slug });
    }
  }

  function schedule(file: string): void {
    if (running.has(file)) {
      again.add(file);
      return;
    }
    // Whichever event came last decides: a file saved again right after a delete is imported.
    const run = (existsSync(file) ? reimport(file) : retire(file))
      .catch((error: unknown) => console.error(`notes folder: could not import ${file}`, error))
      .finally(() => {
        running.delete(file);
        if (again.delete(file)) schedule(file);
      });
    running.set(file, run);
  }

  const watcher: FSWatcher = watch(root, {
    // Startup imports are `cards import`'s job; the watcher reacts to what changes afterwards.
    ignoreInitial: true,
    // Editors save in several writes; wait until the size stops changing so a half-written file
    // is never imported. Short, so the whole round trip stays well under a second.
    awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 30 },
    ignored: (file, stats) => isSkipped(root, file) || ((stats?.isFile() ?? false) && !isMarkdown(file)),
  });
  const onFile = (file: string) => {
    if (isMarkdown(file) && !isSkipped(root, file)) schedule(path.resolve(root, file));
  };
  watcher.on("add", onFile).on("change", onFile).on("unlink", onFile);
  watcher.on("error", (error) => console.error("notes folder watcher failed", error));

  /** Every file through the same one-at-a-time queue as the watcher's events, then the gone ones retired. */
  async function scan(): Promise<void> {
    const files = await listMarkdownFiles(root);
    for (const file of files) schedule(file);
    await Promise.allSettled([...running.values()]);
    const present = new Set(files.map((file) => toSourcePath(file, importRoot)));
    const at = new Date();
    const gone = await retireMissingFiles(prisma, toFolderSourcePath(root, importRoot), present, at);
    for (const slug of gone)
      await announce(bus, { type: "deck-changed", slug, ownerId: folderDeckOwner, at: at.toISOString() });
  }

  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve())).then(async () => {
    if (!options.scanFirst) return;
    await scan().catch((error: unknown) => console.error("notes folder: the first scan failed", error));
  });
  return {
    ready,
    async close() {
      await watcher.close();
      await Promise.allSettled([...running.values()]);
    },
  };
}
