import { describe, expect, it, vi } from "vitest";
import { createDeckEventBus, getDeckEventBus, type DeckEvent } from "@/app/lib/live/deck-events";

const changed = (slug: string): DeckEvent => ({ type: "deck-changed", slug, at: "2026-01-01T00:00:00.000Z" });

describe("deck event bus", () => {
  it("delivers every event to unfiltered listeners and only the deck's to filtered ones", () => {
    const bus = createDeckEventBus();
    const all: DeckEvent[] = [];
    const cells: DeckEvent[] = [];
    bus.subscribe((event) => all.push(event));
    bus.subscribe((event) => cells.push(event), { slug: "cells" });

    bus.publish(changed("cells"));
    bus.publish(changed("atoms"));

    expect(all.map((event) => event.slug)).toEqual(["cells", "atoms"]);
    expect(cells.map((event) => event.slug)).toEqual(["cells"]);
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
