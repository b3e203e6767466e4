import "server-only";
import { openDatabase, type OpenDatabase } from "./database/client";
import { readEnv } from "./env";

// One client per server process; `globalThis` keeps it across hot reloads in development.
const globalForDb = globalThis as unknown as { notecardsDb?: Promise<OpenDatabase> };

/** The app's database, migrated on first use. */
export function getDb(): Promise<OpenDatabase> {
  globalForDb.notecardsDb ??= openDatabase(readEnv().DATABASE_URL);
  return globalForDb.notecardsDb;
}
