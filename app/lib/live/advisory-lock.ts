/**
 * Runs a task on at most one process of all those sharing a PostgreSQL database: the process that
 * holds a session-level advisory lock (`pg_try_advisory_lock`) on a connection it keeps open. The
 * others try again every `retryMs`. When the holder dies, PostgreSQL ends its session and frees the
 * lock, and the next try elsewhere takes over. A holder that loses its connection stops its task at
 * once, because from then on another process may be running it.
 */
import pg from "pg";

/** A task started under the lock; stopped when the lock is lost or released. */
export interface LockedTask {
  close(): Promise<void>;
}

export interface AdvisoryLockOptions {
  connectionString: string;
  /** The lock's key: a constant shared by every process that may run the task. */
  key: number;
  /** How long to wait between tries while another process holds the lock. */
  retryMs: number;
  /** Starts the task; called each time this process takes the lock. */
  start(): Promise<LockedTask>;
  /** For logs and tests. */
  onState?(state: "holding" | "waiting" | "lost"): void;
}

export interface AdvisoryLockRunner {
  /** Whether this process holds the lock (and runs the task) now. */
  holding(): boolean;
  /** The lock session's backend pid (for tests that kill it), null while disconnected. */
  sessionPid(): number | null;
  /** Stops the task, releases the lock and closes the connection. */
  close(): Promise<void>;
}

export function runUnderAdvisoryLock(options: AdvisoryLockOptions): AdvisoryLockRunner {
  let closed = false;
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let task: LockedTask | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const later = (fn: () => Promise<void>) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void fn(), options.retryMs);
  };

  async function stopTask(): Promise<void> {
    const running = task;
    task = null;
    await running?.close().catch((error: unknown) => console.error("stopping the locked task failed", error));
  }

  function lost(lostClient: pg.Client): void {
    if (client !== lostClient) return;
    client = null;
    pid = null;
    void lostClient.end().catch(() => undefined);
    const wasHolding = task !== null;
    void stopTask().then(() => {
      if (wasHolding) options.onState?.("lost");
      later(connect);
    });
  }

  async function tryLock(): Promise<void> {
    const current = client;
    if (closed || !current) return;
    try {
      const { rows } = await current.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
        options.key,
      ]);
      if (closed || client !== current) return;
      if (!rows[0]?.locked) {
        options.onState?.("waiting");
        later(tryLock);
        return;
      }
      task = await options.start();
      // Closed, or the connection (and so the lock) went while the task was starting.
      if (closed || client !== current) {
        await stopTask();
        return;
      }
      options.onState?.("holding");
    } catch (error) {
      console.error("advisory lock: could not take the lock or start the task", error);
      lost(current);
    }
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = next;
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    try {
      await next.connect();
      // A holder whose machine vanished (no FIN, no RST) would keep the lock until the server's TCP
      // keepalive gives up, two hours by default: probe this session's peer after 10 s idle instead,
      // so the lock is freed within about half a minute.
      await next.query(
        "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3",
      );
      const { rows } = await next.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      pid = rows[0]?.pid ?? null;
    } catch {
      lost(next);
      return;
    }
    await tryLock();
  }

  void connect();

  return {
    holding: () => task !== null,
    sessionPid: () => pid,
    async close() {
      closed = true;
      clearTimeout(timer);
      await stopTask();
      const current = client;
      client = null;
      pid = null;
      if (!current) return;
      current.removeAllListeners("end");
      current.removeAllListeners("error");
      current.on("error", () => undefined);
      // Ending the session releases its advisory locks.
      await current.end().catch(() => undefined);
    },
  };
}
