import "server-only";
import { openDatabase, type OpenDatabase } from "./database/client";
import { readEnv } from "./env";

// One client per server process; `globalThis` keeps it across hot reloads in development.
const globalForDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };

/**
 * The app's database, migrated on first use. An open that fails (the database server down or not
 * yet started) is forgotten, so that the next request tries again rather than the process failing
 * every request until it is restarted.
 */
export function getDb(): Promise<OpenDatabase> {
  if (globalForDb.notecardsDb) return globalForDb.notecardsDb;
  const opening = openDatabase(readEnv().DATABASE_URL);
  globalForDb.notecardsDb = opening;
  opening.catch(() => {
    if (globalForDb.notecardsDb === opening) delete globalForDb.notecardsDb;
  });
  return opening;
}
