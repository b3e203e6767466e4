/**
 * The deck event bus across app instances that share one PostgreSQL database, with no other server
 * to run: `publish` sends `pg_notify(channel, payload)` (several at once under load,
 * notify-batches.ts), and ONE dedicated connection per process LISTENs and hands each notification
 * to the process's own subscribers (its open server-sent event streams). PostgreSQL delivers a
 * notification to every listening session of the database, the publisher's own included, so each
 * instance hears its own events the same way.
 *
 * Deck news and resyncs go on one channel every instance listens to. A learner's card news (every
 * grade) goes on that learner's own channel, which an instance listens to only while it holds a
 * subscription for that learner: with one channel for all, every instance woke for and decoded every
 * grade of every learner, work that grows with the number of instances (bench:load: about 0.3 ms of
 * CPU per notification in each instance). A subscription therefore hears a learner's card news only
 * if it names that learner (`userId`); one opened just now may miss news sent in the round trip
 * before its LISTEN, as it misses what was sent before the page opened its stream.
 *
 * If the listening connection drops (server restart, network, pg_terminate_backend), it reconnects
 * with exponential backoff and listens again on every channel; notifications sent meanwhile are
 * lost, so after reconnecting it tells the subscribers to refetch (a "resync" event).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { createDeckEventBus, type DeckEvent, type DeckEventBus } from "./deck-events";
import { decodeDeckEvent, encodeDeckEvent } from "./live-event-codec";
import { createNotifyBatches } from "./notify-batches";

export const liveChannel = "notecards_live";

/** A channel name is an identifier: at most 63 bytes, a learner's channel being this plus 35. */
const maxChannelLength = 28;

/** The channel of one learner's card news: the bus's channel and a digest of the learner's id. */
export function learnerChannel(channel: string, userId: string): string {
  return `${channel}_u_${createHash("sha256").update(userId).digest("hex").slice(0, 32)}`;
}

/** LISTEN and UNLISTEN take an identifier, not a parameter. */
const quoted = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

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
  /**
   * Resolves once every LISTEN and UNLISTEN that subscribing and unsubscribing sent so far has run
   * (for tests: a learner's page misses what is published before its LISTEN is in place).
   */
  settled(): Promise<void>;
}

export function createPostgresEventBus(options: PostgresEventBusOptions): PostgresEventBus {
  const channel = options.channel ?? liveChannel;
  if (channel.length > maxChannelLength)
    throw new Error(`A live channel name is at most ${maxChannelLength} characters: ${channel}`);
  const reconnect = options.reconnectMs ?? { min: 100, max: 5_000 };
  const local = createDeckEventBus();
  // Publishing shares nothing with listening: a notify must not wait behind a reconnect.
  const publisher = new pg.Pool({
    connectionString: options.connectionString,
    max: 2,
    idleTimeoutMillis: 30_000,
  });
  publisher.on("error", (error) => console.error("live events: publishing connection failed", error));
  // One notification per pair of array elements, in the arrays' order; the same SQL for any count.
  const batches = createNotifyBatches<{ channel: string; payload: string }>(async (items) => {
    await publisher.query(
      "SELECT pg_notify(note.channel, note.payload) FROM unnest($1::text[], $2::text[]) AS note(channel, payload)",
      [items.map((item) => item.channel), items.map((item) => item.payload)],
    );
  });
  const channelOf = (event: DeckEvent) =>
    event.type === "card-changed" ? learnerChannel(channel, event.userId) : channel;

  /** Learners' channels this process listens on, with how many subscriptions want each. */
  const learnerChannels = new Map<string, number>();
  // Sent on the listening connection in call order (pg queues them), so a LISTEN sent right after an
  // UNLISTEN of the same channel leaves it listened to. A failure means the connection is going, and
  // the reconnect listens again on every channel in the map.
  let lastSent: Promise<unknown> = Promise.resolve();
  const send = (sql: string) => {
    if (listener) lastSent = listener.query(sql).catch(() => undefined);
  };
  const listenFor = (learner: string) => {
    const subscriptions = learnerChannels.get(learner) ?? 0;
    learnerChannels.set(learner, subscriptions + 1);
    if (subscriptions === 0) send(`LISTEN ${quoted(learner)}`);
  };
  const stopListeningFor = (learner: string) => {
    const subscriptions = (learnerChannels.get(learner) ?? 1) - 1;
    if (subscriptions > 0) return void learnerChannels.set(learner, subscriptions);
    learnerChannels.delete(learner);
    send(`UNLISTEN ${quoted(learner)}`);
  };

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
      if (message.channel !== channel && !learnerChannels.has(message.channel)) return;
      const event = decodeDeckEvent(message.payload);
      if (event) local.deliver(event);
      else console.warn("live events: ignored a notification this version does not understand");
    });
    try {
      await client.connect();
      // One round trip for the bus's channel and every learner's channel wanted so far.
      await client.query(
        [channel, ...learnerChannels.keys()].map((name) => `LISTEN ${quoted(name)};`).join(" "),
      );
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
    settled: () => lastSent.then(() => undefined),
    async publish(event) {
      await batches.publish({ channel: channelOf(event), payload: encodeDeckEvent(event) });
    },
    notice: (event) => ({ channel: channelOf(event), payload: encodeDeckEvent(event) }),
    subscribe(listenerFn, subscribeOptions) {
      const unsubscribe = local.subscribe(listenerFn, subscribeOptions);
      if (subscribeOptions?.userId === undefined) return unsubscribe;
      const learner = learnerChannel(channel, subscribeOptions.userId);
      listenFor(learner);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        stopListeningFor(learner);
      };
    },
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
