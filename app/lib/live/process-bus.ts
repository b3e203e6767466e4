/**
 * The one deck event bus of this server process: NOTIFY/LISTEN on PostgreSQL, where several instances
 * may share the database, and in-process on SQLite, which is one embedded instance. It lives on
 * `globalThis` because Next bundles instrumentation, actions and route handlers separately, and each
 * bundle would otherwise get its own copy of this module (and open its own listening connection).
 */
import { providerOf } from "@/app/lib/database/client";
import { readEnv } from "@/app/lib/env";
import { createDeckEventBus, type DeckEventBus } from "./deck-events";
import { createPostgresEventBus } from "./postgres-event-bus";

const globalForEvents = globalThis as unknown as { notecardsDeckEvents?: DeckEventBus };

export function getDeckEventBus(): DeckEventBus {
  if (!globalForEvents.notecardsDeckEvents) {
    const url = readEnv().DATABASE_URL;
    globalForEvents.notecardsDeckEvents =
      providerOf(url) === "postgresql"
        ? createPostgresEventBus({ connectionString: url })
        : createDeckEventBus();
  }
  return globalForEvents.notecardsDeckEvents;
}

/** Closes the process's bus (its listening connection on PostgreSQL); the next use opens a new one. */
export async function closeDeckEventBus(): Promise<void> {
  const bus = globalForEvents.notecardsDeckEvents;
  globalForEvents.notecardsDeckEvents = undefined;
  await bus?.close();
}
