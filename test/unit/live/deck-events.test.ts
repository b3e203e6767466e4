import { describe, expect, it, vi } from "vitest";
import { createDeckEventBus, reachesSubscriber, type DeckEvent } from "@/app/lib/live/deck-events";
import { getDeckEventBus } from "@/app/lib/live/process-bus";

const at = "2026-01-01T00:00:00.000Z";
const changed = (slug: string, ownerId: string | null = null): DeckEvent => ({
  type: "deck-changed",
  slug,
  ownerId,
  at,
});
const slugOf = (event: DeckEvent) => ("slug" in event ? event.slug : null);

describe("deck event bus", () => {
  it("delivers every event to unfiltered listeners and only the deck's to filtered ones", () => {
    const bus = createDeckEventBus();
    const all: DeckEvent[] = [];
    const cells: DeckEvent[] = [];
    bus.subscribe((event) => all.push(event));
    bus.subscribe((event) => cells.push(event), { slug: "cells" });

    bus.publish(changed("cells"));
    bus.publish(changed("atoms"));

    expect(all.map(slugOf)).toEqual(["cells", "atoms"]);
    expect(cells.map(slugOf)).toEqual(["cells"]);
  });

  it("stops delivering after unsubscribe", () => {
    const bus = createDeckEventBus();
    const listener = vi.fn();
    const stop = bus.subscribe(listener);
    expect(bus.size()).toBe(1);
    stop();
    bus.publish(changed("cells"));
    expect(listener).not.toHaveBeenCalled();
    expect(bus.size()).toBe(0);
  });

  it("keeps delivering to the others when one listener throws", () => {
    const bus = createDeckEventBus();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const after = vi.fn();
    bus.subscribe(() => {
      throw new Error("stream closed");
    });
    bus.subscribe(after);
    bus.publish(changed("cells"));
    expect(after).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it("lets a listener unsubscribe itself while an event is delivered", () => {
    const bus = createDeckEventBus();
    const second = vi.fn();
    const stop = bus.subscribe(() => stop());
    bus.subscribe(second);
    bus.publish(changed("cells"));
    expect(second).toHaveBeenCalledOnce();
    expect(bus.size()).toBe(1);
  });

  it("is one bus per process, whichever bundle asks", () => {
    expect(getDeckEventBus()).toBe(getDeckEventBus());
  });
});

describe("who hears an event", () => {
  const graded: DeckEvent = { type: "card-changed", userId: "ada", cardId: "c1", version: 3, at };

  it("tells every learner of a shared deck, and only its owner of a private one", () => {
    expect(reachesSubscriber(changed("notes", null), { userId: "ada" })).toBe(true);
    expect(reachesSubscriber(changed("notes", null), { userId: "bob" })).toBe(true);
    expect(reachesSubscriber(changed("mine", "ada"), { userId: "ada" })).toBe(true);
    expect(reachesSubscriber(changed("mine", "ada"), { userId: "bob" })).toBe(false);
    const failed: DeckEvent = { type: "deck-failed", slug: "mine", ownerId: "ada", error: "bad", at };
    expect(reachesSubscriber(failed, { userId: "bob", slug: "mine" })).toBe(false);
    expect(reachesSubscriber(failed, { userId: "ada", slug: "mine" })).toBe(true);
    expect(reachesSubscriber(failed, { userId: "ada", slug: "other" })).toBe(false);
  });

  it("tells only the learner who graded of a grade, whatever deck the page shows", () => {
    expect(reachesSubscriber(graded, { userId: "ada", slug: "cells" })).toBe(true);
    expect(reachesSubscriber(graded, { userId: "bob" })).toBe(false);
  });

  it("tells everyone to refetch after missed news", () => {
    expect(reachesSubscriber({ type: "resync", at }, { userId: "bob", slug: "x" })).toBe(true);
  });

  it("filters on the bus: bob's page never hears of ada's private deck or grades", async () => {
    const bus = createDeckEventBus();
    const bob: DeckEvent[] = [];
    const ada: DeckEvent[] = [];
    bus.subscribe((event) => bob.push(event), { userId: "bob" });
    bus.subscribe((event) => ada.push(event), { userId: "ada" });
    await bus.publish(changed("mine", "ada"));
    await bus.publish(changed("notes", null));
    await bus.publish(graded);
    expect(bob.map((event) => event.type + ":" + (slugOf(event) ?? ""))).toEqual(["deck-changed:notes"]);
    expect(ada).toHaveLength(3);
  });
});
