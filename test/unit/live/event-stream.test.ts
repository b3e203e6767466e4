import { readUntil } from "@/test/helpers/read-stream";
import { describe, expect, it } from "vitest";
import { createDeckEventBus } from "@/app/lib/live/deck-events";
import { createDeckEventStream } from "@/app/lib/live/event-stream";

describe("deck event stream", () => {
  it("sends the deck's events in the server-sent events format and skips other decks", async () => {
    const bus = createDeckEventBus();
    const stream = createDeckEventStream(bus, { slug: "cells" });
    const reader = stream.getReader();
    await readUntil(reader, ": connected");

    bus.publish({ type: "deck-changed", slug: "atoms", ownerId: null, at: "2026-01-01T00:00:00.000Z" });
    bus.publish({ type: "deck-changed", slug: "cells", ownerId: null, at: "2026-01-01T00:00:01.000Z" });
    const text = await readUntil(reader, "\n\n");

    expect(text).toBe(
      'event: deck-changed\ndata: {"type":"deck-changed","slug":"cells","ownerId":null,"at":"2026-01-01T00:00:01.000Z"}\n\n',
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
    await bus.publish({ type: "deck-changed", slug: "cells", ownerId: null, at: "2026-01-01T00:00:00.000Z" });
  });

  it("carries only what reaches its learner: shared decks, their own decks and their own grades", async () => {
    const bus = createDeckEventBus();
    const reader = createDeckEventStream(bus, { userId: "bob" }).getReader();
    await readUntil(reader, ": connected");
    const at = "2026-01-01T00:00:00.000Z";
    await bus.publish({ type: "deck-changed", slug: "adas", ownerId: "ada", at });
    await bus.publish({ type: "card-changed", userId: "ada", cardId: "c1", version: 2, at });
    await bus.publish({ type: "card-changed", userId: "bob", cardId: "c2", version: 5, at });
    await bus.publish({ type: "deck-changed", slug: "bobs", ownerId: "bob", at });
    const text = await readUntil(reader, '"slug":"bobs"');
    expect(text).not.toContain("adas");
    expect(text).not.toContain('"c1"');
    expect(text).toContain('event: card-changed\ndata: {"type":"card-changed","userId":"bob","cardId":"c2"');
    await reader.cancel();
  });
});
