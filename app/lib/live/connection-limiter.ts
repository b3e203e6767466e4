/**
 * Counts open live-update connections (server-sent event streams, each held open for as long as a
 * page is) so that one client cannot hold them all: each client gets `perClient`, and the process
 * `total`, because a client can claim to be many (its address comes from a header it may set).
 * In-process, on `globalThis` like the event bus, since each Next bundle gets its own module copy.
 * Per process on purpose, also with several instances: it bounds this process's own sockets and
 * memory, which is what the caps protect; sharing the count would add a database round trip per stream.
 */

export interface ConnectionLimiter {
  /** Takes a connection for `client`: the function that gives it back, or null when at a cap. */
  acquire(client: string): (() => void) | null;
  /** Open connections, of one client or of all. */
  count(client?: string): number;
}

export function createConnectionLimiter(limits: { perClient: number; total: number }): ConnectionLimiter {
  const open = new Map<string, number>();
  let total = 0;
  return {
    acquire(client) {
      const mine = open.get(client) ?? 0;
      if (mine >= limits.perClient || total >= limits.total) return null;
      open.set(client, mine + 1);
      total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (open.get(client) ?? 1) - 1;
        if (left > 0) open.set(client, left);
        else open.delete(client);
      };
    },
    count: (client) => (client === undefined ? total : (open.get(client) ?? 0)),
  };
}

/**
 * Live-update streams per client: more than a learner's open tabs need (a browser itself opens at
 * most six connections to one host), few enough that one client cannot tie the server up.
 */
export const liveConnectionLimits = { perClient: 8, total: 256 };

const globalForLimits = globalThis as unknown as { notecardsLiveConnections?: ConnectionLimiter };

/** The one limiter of this server process. */
export function getLiveConnectionLimiter(): ConnectionLimiter {
  globalForLimits.notecardsLiveConnections ??= createConnectionLimiter(liveConnectionLimits);
  return globalForLimits.notecardsLiveConnections;
}
