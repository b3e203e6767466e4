import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import type { DeckEvent } from "@/app/lib/live/deck-events";
import { encodeDeckEvent, LiveEventTooLargeError } from "@/app/lib/live/live-event-codec";
import { createPostgresEventBus, type PostgresEventBus } from "@/app/lib/live/postgres-event-bus";
import {
  adminUrl,
  createTestDatabase,
  postgresUnavailable,
  type TestDatabase,
} from "@/test/helpers/databases";

const at = "2026-01-01T00:00:00.000Z";

/** Two buses with their own connections, as two app instances on one database would have. */
describe.skipIf(postgresUnavailable)("deck events through PostgreSQL NOTIFY", () => {
  let db: TestDatabase;
  const buses: PostgresEventBus[] = [];
  const open = async (options: Partial<Parameters<typeof createPostgresEventBus>[0]> = {}) => {
    const bus = createPostgresEventBus({
      connectionString: db.url,
      reconnectMs: { min: 50, max: 400 },
      ...options,
    });
    buses.push(bus);
    await bus.ready;
    return bus;
  };

  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(async () => db?.destroy());

  it("delivers an event published on one instance to the subscribers of another, and its own", async () => {
    const one = await open();
    const two = await open();
    const onOne: DeckEvent[] = [];
    const onTwo: DeckEvent[] = [];
    one.subscribe((event) => onOne.push(event));
    two.subscribe((event) => onTwo.push(event));

    const event: DeckEvent = { type: "deck-changed", slug: "cells", ownerId: null, at };
    await one.publish(event);
    await vi.waitFor(() => expect(onTwo).toEqual([event]));
    await vi.waitFor(() => expect(onOne).toEqual([event]));
  });

  it("delivers every one of many events published at once, in order (sent in batches)", async () => {
    const one = await open();
    const two = await open();
    const heard: DeckEvent[] = [];
    two.subscribe((event) => heard.push(event), { userId: "u1" });
    await two.settled();
    const events: DeckEvent[] = Array.from({ length: 120 }, (_, i) => ({
      type: "card-changed",
      userId: "u1",
      cardId: `card-${i}`,
      version: i + 1,
      at,
    }));
    await Promise.all(events.map((event) => one.publish(event)));
    await vi.waitFor(() => expect(heard).toEqual(events));
  });

  it("lets a learner's pages on another instance hear only what is theirs to see", async () => {
    const one = await open();
    const two = await open();
    const ada: DeckEvent[] = [];
    const bob: DeckEvent[] = [];
    two.subscribe((event) => ada.push(event), { userId: "ada" });
    two.subscribe((event) => bob.push(event), { userId: "bob", slug: "notes" });
    await two.settled();

    await one.publish({ type: "deck-changed", slug: "adas-own", ownerId: "ada", at });
    await one.publish({ type: "card-changed", userId: "ada", cardId: "c1", version: 4, at });
    await one.publish({ type: "deck-changed", slug: "notes", ownerId: null, at });

    await vi.waitFor(() => expect(ada).toHaveLength(3));
    await vi.waitFor(() => expect(bob).toHaveLength(1));
    expect(bob[0]).toMatchObject({ type: "deck-changed", slug: "notes" });
  });

  it("hears a learner's card news only while it has a subscription for that learner", async () => {
    const one = await open();
    const two = await open();
    const everything: DeckEvent[] = [];
    two.subscribe((event) => everything.push(event));
    const card = (userId: string, version: number): DeckEvent => ({
      type: "card-changed",
      userId,
      cardId: "c1",
      version,
      at,
    });
    const deckNews: DeckEvent = { type: "deck-changed", slug: "notes", ownerId: null, at };

    // No page of ada's on instance two: her grades do not reach it at all; deck news does.
    await one.publish(card("ada", 1));
    await one.publish(deckNews);
    await vi.waitFor(() => expect(everything).toEqual([deckNews]));

    const ada: DeckEvent[] = [];
    const stopFirst = two.subscribe((event) => ada.push(event), { userId: "ada" });
    const stopSecond = two.subscribe(() => undefined, { userId: "ada" });
    await two.settled();
    await one.publish(card("ada", 2));
    await one.publish(card("bob", 1));
    await vi.waitFor(() => expect(ada).toEqual([card("ada", 2)]));
    stopFirst();
    stopFirst();
    // Another of ada's pages is still open there: her news still arrives.
    await one.publish(card("ada", 3));
    await vi.waitFor(() => expect(everything.at(-1)).toEqual(card("ada", 3)));
    stopSecond();
    await one.publish(card("ada", 4));
    await one.publish(deckNews);
    await vi.waitFor(() => expect(everything.at(-1)).toEqual(deckNews));
    expect(everything).toEqual([deckNews, card("ada", 2), card("ada", 3), deckNews]);
    expect(ada).toEqual([card("ada", 2)]);
  });

  it("ignores notifications it cannot read, from another version or another program", async () => {
    const bus = await open();
    const heard: DeckEvent[] = [];
    bus.subscribe((event) => heard.push(event));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("SELECT pg_notify('notecards_live', $1)", ['{"type":"deck-changed","slug":42}']);
    await client.query("SELECT pg_notify('notecards_live', 'not json')");
    await client.end();
    await bus.publish({ type: "resync", at });
    await vi.waitFor(() => expect(heard).toEqual([{ type: "resync", at }]));
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it("reconnects after its listening connection is killed, and tells pages to refetch", async () => {
    const one = await open();
    const states: string[] = [];
    const two = await open({ onListenerState: (state) => states.push(state) });
    const heard: DeckEvent[] = [];
    two.subscribe((event) => heard.push(event), { userId: "ada" });
    const killed = two.listenerPid();
    expect(killed).not.toBeNull();

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [killed]);
    await admin.end();

    await vi.waitFor(() => expect(heard.map((event) => event.type)).toContain("resync"), { timeout: 5_000 });
    expect(states).toEqual(["listening", "lost", "listening"]);
    expect(two.listenerPid()).not.toBe(killed);

    await one.publish({ type: "deck-changed", slug: "after", ownerId: null, at });
    await vi.waitFor(() => expect(heard.at(-1)).toMatchObject({ slug: "after" }));
    // The learner's own channel is listened to again too.
    await one.publish({ type: "card-changed", userId: "ada", cardId: "c1", version: 7, at });
    await vi.waitFor(() => expect(heard.at(-1)).toMatchObject({ type: "card-changed", version: 7 }));
  });
});

describe("notification payloads", () => {
  it("cut a long import error so the payload stays under PostgreSQL's 8000 bytes", () => {
    const payload = encodeDeckEvent({
      type: "deck-failed",
      slug: "s",
      ownerId: null,
      error: "é".repeat(5_000),
      at,
    });
    expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(JSON.parse(payload).error).toHaveLength(1_001);
  });

  it("refuse an event that would not fit", () => {
    expect(() =>
      encodeDeckEvent({ type: "deck-changed", slug: "x".repeat(9_000), ownerId: null, at }),
    ).toThrow(LiveEventTooLargeError);
  });
});
