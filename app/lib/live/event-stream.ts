import type { DeckEventBus } from "./deck-events";

/** Comment lines keep idle connections from being closed by proxies and tell us a client left. */
const heartbeatMs = 15_000;

/**
 * A server-sent events stream of the bus's events that reach `userId` (one deck's deck events, when
 * `slug` is given; see reachesSubscriber), in the `text/event-stream` format: `event: deck-changed` +
 * `data: {json}`. Unsubscribes, and calls `onClose` once, when the client goes away (`signal` aborts
 * or the stream is cancelled).
 */
export function createDeckEventStream(
  bus: DeckEventBus,
  options: { slug?: string; userId?: string; signal?: AbortSignal; onClose?: () => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      // `retry` makes the browser reconnect quickly after a server restart.
      send("retry: 1000\n: connected\n\n");
      const unsubscribe = bus.subscribe(
        (event) => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
        { slug: options.slug, userId: options.userId },
      );
      const heartbeat = setInterval(() => send(": ping\n\n"), heartbeatMs);
      stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        options.onClose?.();
      };
      const onAbort = () => {
        const wasOpen = open;
        stop();
        if (wasOpen) controller.close();
      };
      // A client gone before the stream started would otherwise hold its connection slot forever.
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener("abort", onAbort);
    },
    cancel() {
      stop();
    },
  });
}
