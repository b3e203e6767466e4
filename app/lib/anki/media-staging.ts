/**
 * An import's media files, kept out of sight until the import's transaction has committed.
 *
 * The files are written to a staging folder inside the media folder,
 * `<mediaDir>/.incoming-<host>.<pid>.<uuid>/` (a name the media route never serves), and then a manifest,
 * `.staged.json`: `{ "sourcePath": "anki:Spanish.apkg", "ownerId": "<user id>", "sourceHash": "<sha-256>",
 * "slug": "spanish" }`, naming the deck (a source path names a deck within its owner's) and the `Deck.sourceHash` the import's transaction writes. After the commit the
 * files are renamed into `<mediaDir>/<slug>/` and the folder removed; when the transaction fails the
 * folder is removed.
 *
 * A process killed on the way leaves its folder behind, and {@link recoverStagedMedia} (run when
 * the app starts and by every `cards import`) settles it with the database as the judge: when the
 * deck holds the manifest's hash the transaction committed, so the files are moved into place;
 * otherwise (no manifest yet, or another hash) they are removed. Folders of a process that is still
 * running are left alone. Instances on several machines may share one media folder, and a pid says
 * nothing about another machine's processes: a folder staged on another host is left alone until it
 * is older than any import takes ({@link foreignStagingAfterMs}). Files are not fsynced: this
 * survives a killed process, not a power cut.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/app/lib/database/client";
import { findDeckBySource } from "@/app/lib/import/deck-identity";
import { resolveMediaPath } from "./media-path";

const stagingPrefix = ".incoming-";
const manifestName = ".staged.json";
/** A folder staged on another machine is settled only once it is this old: no import runs an hour. */
export const foreignStagingAfterMs = 60 * 60 * 1000;

/** This machine's name as a folder name can hold it (letters, digits and dashes). */
export function stagingHost(hostname = os.hostname()): string {
  return hostname.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 63) || "host";
}

const manifestSchema = z.object({
  sourcePath: z.string().min(1),
  // Absent from manifests staged before decks had owners: those were the local learner's.
  ownerId: z.string().min(1).nullable().default("local"),
  sourceHash: z.string().min(1),
  slug: z.string().min(1),
});
export type StagingManifest = z.input<typeof manifestSchema>;

export interface StagedMedia {
  dir: string;
  /** Moves the files into `<mediaDir>/<slug>/` and removes the folder: call after the commit. */
  publish(): Promise<void>;
  /** Removes the folder: the transaction did not commit. */
  discard(): Promise<void>;
}

// Folders this process is staging right now; on globalThis because Next may load this module more
// than once in one process (instrumentation and route bundles).
const globalForStaging = globalThis as unknown as { notecardsStaging?: Set<string> };
const activeStaging = (globalForStaging.notecardsStaging ??= new Set<string>());

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Moves every staged file to the deck's folder (a file already moved is skipped) and removes the folder. */
async function moveIntoPlace(dir: string, mediaDir: string, slug: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name === manifestName || name.startsWith(`${manifestName}.`)) continue;
    const target = resolveMediaPath(mediaDir, slug, name);
    if (!target) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(dir, name), target).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * Writes `files` (name -> bytes; names already safe, see safeMediaName) and the manifest to a new
 * staging folder. Returns null when there are no files.
 */
export async function stageMedia(
  mediaDir: string,
  manifest: StagingManifest,
  files: [name: string, bytes: Uint8Array][],
): Promise<StagedMedia | null> {
  if (files.length === 0) return null;
  const dir = path.join(mediaDir, `${stagingPrefix}${stagingHost()}.${process.pid}.${randomUUID()}`);
  activeStaging.add(dir);
  const settle = async (action: () => Promise<void>) => {
    try {
      await action();
    } finally {
      activeStaging.delete(dir);
    }
  };
  const staged: StagedMedia = {
    dir,
    publish: () => settle(() => moveIntoPlace(dir, mediaDir, manifest.slug)),
    discard: () => settle(() => rm(dir, { recursive: true, force: true })),
  };
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, bytes] of files) await writeFile(path.join(dir, name), bytes);
    // Last, and by rename: a manifest is only ever there, whole, once every file is.
    const pending = path.join(dir, `${manifestName}.tmp`);
    await writeFile(pending, JSON.stringify(manifest));
    await rename(pending, path.join(dir, manifestName));
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return staged;
}

/**
 * The host and pid in a staging folder's name; null for a name this code never wrote. Folders
 * named before the host was added (`.incoming-<pid>.<uuid>`) were staged on this machine.
 */
function stagedBy(name: string): { host: string; pid: number } | null {
  const match = /^\.incoming-(?:([A-Za-z0-9-]+)\.)?(\d+)\./.exec(name);
  return match ? { host: match[1] ?? stagingHost(), pid: Number(match[2]) } : null;
}

/** Whether an import may still be writing the folder: its process runs, here or on another host. */
async function mayBeInUse(dir: string, name: string, now: number): Promise<boolean> {
  if (activeStaging.has(dir)) return true;
  const owner = stagedBy(name);
  if (owner === null) return false;
  if (owner.host !== stagingHost()) {
    const modified = await stat(dir).then(
      (info) => info.mtimeMs,
      () => 0,
    );
    return now - modified < foreignStagingAfterMs;
  }
  // A pid equal to ours that is not in our set was a previous process's (a restarted container).
  return owner.pid !== process.pid && isRunning(owner.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readManifest(dir: string): Promise<z.infer<typeof manifestSchema> | null> {
  try {
    return manifestSchema.parse(JSON.parse(await readFile(path.join(dir, manifestName), "utf8")));
  } catch {
    return null;
  }
}

/**
 * Settles the staging folders that killed imports left in `mediaDir` (see the module comment):
 * media of a committed import are moved into place, the rest removed. Cheap when there is nothing
 * to do: one listing of `mediaDir`.
 */
export async function recoverStagedMedia(
  prisma: Db,
  mediaDir: string,
): Promise<{ published: number; discarded: number }> {
  const counts = { published: 0, discarded: 0 };
  let names: string[];
  try {
    names = await readdir(mediaDir);
  } catch (error) {
    if (isMissing(error)) return counts;
    throw error;
  }
  for (const name of names) {
    if (!name.startsWith(stagingPrefix)) continue;
    const dir = path.join(mediaDir, name);
    if (await mayBeInUse(dir, name, Date.now())) continue;
    const manifest = await readManifest(dir);
    const deck = manifest ? await findDeckBySource(prisma, manifest.sourcePath, manifest.ownerId) : null;
    if (manifest && deck?.sourceHash === manifest.sourceHash && deck.slug === manifest.slug) {
      await moveIntoPlace(dir, mediaDir, manifest.slug);
      counts.published++;
    } else {
      await rm(dir, { recursive: true, force: true });
      counts.discarded++;
    }
  }
  return counts;
}
