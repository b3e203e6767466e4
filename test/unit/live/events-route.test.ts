import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/events/route";
import { getLiveConnectionLimiter, liveConnectionLimits } from "@/app/lib/live/connection-limiter";
import { getDeckEventBus } from "@/app/lib/live/process-bus";

const from = async (address: string, signal?: AbortSignal) =>
  GET(new Request("http://localhost/api/events", { headers: { "x-forwarded-for": address }, signal }));

describe("GET /api/events", () => {
  it("streams the process bus's events for one deck as text/event-stream, uncompressed", async () => {
    const abort = new AbortController();
    const response = await GET(
      new Request("http://localhost/api/events?deck=cells", { signal: abort.signal }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");

    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    await getDeckEventBus().publish({
      type: "deck-changed",
      slug: "cells",
      ownerId: null,
      at: "2026-01-01T00:00:00.000Z",
    });
    while (!text.includes("event: deck-changed")) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"slug":"cells"');
    abort.abort();
  });

  it("refuses a deck parameter that is not a slug", async () => {
    const response = await GET(new Request("http://localhost/api/events?deck=..%2Fetc"));
    expect(response.status).toBe(400);
  });

  it("answers 429 past a client's share of open streams, and takes a closed one back", async () => {
    const aborts = Array.from({ length: liveConnectionLimits.perClient }, () => new AbortController());
    const open = await Promise.all(aborts.map((abort) => from("203.0.113.7", abort.signal)));
    expect(open.map((response) => response.status)).toEqual(aborts.map(() => 200));

    const refused = await from("203.0.113.7");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect((await refused.json()).error).toMatch(/close some tabs/);

    const other = new AbortController();
    expect((await from("198.51.100.2", other.signal)).status).toBe(200);

    aborts[0]!.abort();
    const again = new AbortController();
    expect((await from("203.0.113.7", again.signal)).status).toBe(200);
    for (const abort of [...aborts, other, again]) abort.abort();
    expect(getLiveConnectionLimiter().count()).toBe(0);
  });
});
