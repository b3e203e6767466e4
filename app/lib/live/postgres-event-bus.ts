/**
 * The deck event bus across app instances that share one PostgreSQL database, with no other server
 * to run: `publish` sends `pg_notify(channel, payload)` (several at once under load,
 * notify-batches.ts), and ONE dedicated connection per process
 * LISTENs on the channel and hands each notification to the process's own subscribers (its open
 * server-sent event streams). PostgreSQL delivers a notification to every listening session of the
 * database, the publisher's own included, so each instance hears its own events the same way.
 *
 * If the listening connection drops (server restart, network, pg_terminate_backend), it reconnects
 * with exponential backoff; notifications sent meanwhile are lost, so after reconnecting it tells the
 * subscribers to refetch (a "resync" event).
 */
import pg from "pg";
import { createDeckEventBus, type DeckEventBus } from "./deck-events";
import { decodeDeckEvent, encodeDeckEvent } from "./live-event-codec";
import { createNotifyBatches } from "./notify-batches";

export const liveChannel = "notecards_live";

export interface PostgresEventBusOptions {
  connectionString: string;
  channel?: string;
  /** Reconnect delays: the first, doubled after each failure up to the last. */
  reconnectMs?: { min: number; max: number };
  /** Told when the listener connects (again) or loses its connection; for logs and tests. */
  onListenerState?: (state: "listening" | "lost") => void;
}

export interface PostgresEventBus extends DeckEventBus {
  /** Resolves once the first LISTEN is in place (events published before may not be heard here). */
  ready: Promise<void>;
  /** The listening session's backend pid (for tests that kill it), null while disconnected. */
  listenerPid(): number | null;
}

export function createPostgresEventBus(options: PostgresEventBusOptions): PostgresEventBus {
  const channel = options.channel ?? liveChannel;
  const reconnect = options.reconnectMs ?? { min: 100, max: 5_000 };
  const local = createDeckEventBus();
  // Publishing shares nothing with listening: a notify must not wait behind a reconnect.
  const publisher = new pg.Pool({
    connectionString: options.connectionString,
    max: 2,
    idleTimeoutMillis: 30_000,
  });
  publisher.on("error", (error) => console.error("live events: publishing connection failed", error));
  // One notification per array element, in the array's order; the SQL is the same for any count.
  const batches = createNotifyBatches(async (payloads) => {
    await publisher.query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", [
      channel,
      payloads,
    ]);
  });

  let closed = false;
  let listener: pg.Client | null = null;
  let pid: number | null = null;
  let delay = reconnect.min;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let connectedOnce = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function lost(client: pg.Client): void {
    if (listener !== client) return;
    listener = null;
    pid = null;
    client.removeAllListeners("notification");
    void client.end().catch(() => undefined);
    if (closed) return;
    options.onListenerState?.("lost");
    retry = setTimeout(() => void listen(), delay);
    delay = Math.min(reconnect.max, delay * 2);
  }

  async function listen(): Promise<void> {
    if (closed) return;
    // Keepalive probes notice a silently dead connection, so the listener reconnects instead of
    // waiting forever for notifications that cannot come.
    const client = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    listener = client;
    client.on("error", () => lost(client));
    client.on("end", () => lost(client));
    client.on("notification", (message) => {
      if (message.channel !== channel) return;
      const event = decodeDeckEvent(message.payload);
      if (event) local.deliver(event);
      else console.warn("live events: ignored a notification this version does not understand");
    });
    try {
      await client.connect();
      // Quoted: LISTEN takes an identifier, not a parameter.
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (listener !== client || closed) return;
      pid = rows[0]?.pid ?? null;
      delay = reconnect.min;
      options.onListenerState?.("listening");
      if (connectedOnce) local.deliver({ type: "resync", at: new Date().toISOString() });
      connectedOnce = true;
      markReady();
    } catch {
      lost(client);
    }
  }

  void listen();

  return {
    ready,
    listenerPid: () => pid,
    async publish(event) {
      await batches.publish(encodeDeckEvent(event));
    },
    subscribe: (listenerFn, subscribeOptions) => local.subscribe(listenerFn, subscribeOptions),
    size: () => local.size(),
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = null;
      pid = null;
      await Promise.allSettled([client?.end(), publisher.end(), local.close()]);
    },
  };
}
