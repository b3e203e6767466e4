import { getDb } from "@/app/lib/db";
import { readEnv } from "@/app/lib/env";
import { getDeckEventBus } from "./deck-events";
import { watchContentFolder, type FolderWatcher } from "./folder-watcher";

const globalForLive = globalThis as unknown as { notecardsWatcher?: Promise<FolderWatcher> };

/**
 * Starts watching CONTENT_DIR once per server process (instrumentation's `register()` may run more
 * than once in development). Changes are re-imported and announced on the deck event bus.
 */
export function startLiveSync(): Promise<FolderWatcher> {
  globalForLive.notecardsWatcher ??= (async () => {
    const { CONTENT_DIR } = readEnv();
    const { prisma } = await getDb();
    const watcher = watchContentFolder({ prisma, contentDir: CONTENT_DIR, bus: getDeckEventBus() });
    await watcher.ready;
    return watcher;
  })();
  return globalForLive.notecardsWatcher;
}
