import { describe, expect, it } from "vitest";
import { createDeckEventBus } from "@/app/lib/live/deck-events";
import { createDeckEventStream } from "@/app/lib/live/event-stream";

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("deck event stream", () => {
  it("sends the deck's events in the server-sent events format and skips other decks", async () => {
    const bus = createDeckEventBus();
    const stream = createDeckEventStream(bus, { slug: "cells" });
    const reader = stream.getReader();
    await readUntil(reader, ": connected");

    bus.publish({ type: "deck-changed", slug: "atoms", at: "2026-01-01T00:00:00.000Z" });
    bus.publish({ type: "deck-changed", slug: "cells", at: "2026-01-01T00:00:01.000Z" });
    const text = await readUntil(reader, "\n\n");

    expect(text).toBe(
      'event: deck-changed\ndata: {"type":"deck-changed","slug":"cells","at":"2026-01-01T00:00:01.000Z"}\n\n',
    );
    await reader.cancel();
    expect(bus.size()).toBe(0);
  });

  it("unsubscribes and ends the stream when the client goes away", async () => {
    const bus = createDeckEventBus();
    const abort = new AbortController();
    const reader = createDeckEventStream(bus, { signal: abort.signal }).getReader();
    await readUntil(reader, ": connected");
    expect(bus.size()).toBe(1);

    abort.abort();
    expect(bus.size()).toBe(0);
    expect((await reader.read()).done).toBe(true);
    // Publishing after the client left must not throw into the publisher.
    bus.publish({ type: "deck-changed", slug: "cells", at: "2026-01-01T00:00:00.000Z" });
  });
});
