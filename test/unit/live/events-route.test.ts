import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/events/route";
import { getDeckEventBus } from "@/app/lib/live/deck-events";

describe("GET /api/events", () => {
  it("streams the process bus's events for one deck as text/event-stream, uncompressed", async () => {
    const abort = new AbortController();
    const response = GET(new Request("http://localhost/api/events?deck=cells", { signal: abort.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    getDeckEventBus().publish({ type: "deck-changed", slug: "cells", at: "2026-01-01T00:00:00.000Z" });
    while (!text.includes("event: deck-changed")) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"slug":"cells"');
    abort.abort();
  });

  it("refuses a deck parameter that is not a slug", async () => {
    const response = GET(new Request("http://localhost/api/events?deck=..%2Fetc"));
    expect(response.status).toBe(400);
  });
});
