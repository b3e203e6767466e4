import "server-only";
import { getDb } from "@/app/lib/db";
import { readServerEnv } from "@/app/lib/env";
import { createAuth, type Auth } from "./create-auth";

// One instance per server process, built on first use (it needs the migrated database); `globalThis`
// keeps it across hot reloads in development, as getDb does.
const globalForAuth = globalThis as unknown as { notecardsAuth?: Promise<Auth> };

/** The app's better-auth instance. */
export function getAuth(): Promise<Auth> {
  globalForAuth.notecardsAuth ??= getDb().then((db) => createAuth(db, readServerEnv()));
  globalForAuth.notecardsAuth.catch(() => {
    // A failed build (database down) is not cached: the next request tries again.
    globalForAuth.notecardsAuth = undefined;
  });
  return globalForAuth.notecardsAuth;
}
