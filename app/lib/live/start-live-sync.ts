import { getDb } from "@/app/lib/db";
import { readEnv } from "@/app/lib/env";
import { runUnderAdvisoryLock } from "./advisory-lock";
import { closeDeckEventBus, getDeckEventBus } from "./process-bus";
import { watchContentFolder } from "./folder-watcher";

/** Shared by every instance watching the same database's notes folder; any constant will do. */
export const folderWatchLockKey = 72_707_371;

export interface LiveSync {
  close(): Promise<void>;
}

const globalForLive = globalThis as unknown as { notecardsLiveSync?: Promise<LiveSync> };

/**
 * Starts watching CONTENT_DIR once per server process (instrumentation's `register()` may run more
 * than once in development). Changes are re-imported and announced on the deck event bus.
 *
 * On SQLite there is one instance, which watches. On PostgreSQL several instances may share the
 * database and the folder, and two watchers would import every save twice: only the instance
 * holding an advisory lock watches, and another takes over (scanning the whole folder first, as
 * changes may have been missed) when it dies.
 */
export function startLiveSync(): Promise<LiveSync> {
  globalForLive.notecardsLiveSync ??= (async () => {
    const { CONTENT_DIR, WATCH_LOCK_RETRY_MS } = readEnv();
    const { prisma, provider, url } = await getDb();
    const bus = getDeckEventBus();
    const watch = async (scanFirst: boolean) => {
      const watcher = watchContentFolder({ prisma, contentDir: CONTENT_DIR, bus, scanFirst });
      await watcher.ready;
      return watcher;
    };
    if (provider === "sqlite") return watch(false);
    const runner = runUnderAdvisoryLock({
      connectionString: url,
      key: folderWatchLockKey,
      retryMs: WATCH_LOCK_RETRY_MS,
      start: () => watch(true),
      onState: (state) => {
        if (state === "holding") console.log("notes folder: this instance watches it");
        if (state === "lost") console.warn("notes folder: lost the watch lock; another instance takes over");
      },
    });
    return { close: () => runner.close() };
  })();
  return globalForLive.notecardsLiveSync;
}

/** Stops watching and closes the live connections (shutdown). */
export async function stopLiveSync(): Promise<void> {
  const sync = globalForLive.notecardsLiveSync;
  globalForLive.notecardsLiveSync = undefined;
  await (await sync?.catch(() => null))?.close();
  await closeDeckEventBus();
}
