import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/app/lib/auth/viewer";
import { readUntil } from "@/test/helpers/read-stream";

// The session cookie is better-auth's business (and tested with it); here only its answer matters.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/app/lib/auth/session", () => ({ readSessionViewer: async () => session.viewer }));

const { GET } = await import("@/app/api/events/route");
const { getDeckEventBus } = await import("@/app/lib/live/process-bus");

const at = "2026-01-01T00:00:00.000Z";
const learner = (userId: string): Viewer => ({
  userId,
  name: userId,
  email: `${userId}@example.org`,
  accounts: true,
});

describe("GET /api/events with accounts on", () => {
  beforeEach(() => {
    vi.stubEnv("ACCOUNTS", "on");
    vi.stubEnv("BETTER_AUTH_SECRET", "x".repeat(40));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    session.viewer = null;
  });

  it("answers 401 when nobody is signed in", async () => {
    const response = await GET(new Request("http://localhost/api/events"));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/sign in/i);
  });

  it("streams to a signed-in learner only the news that is theirs", async () => {
    session.viewer = learner("bob");
    const abort = new AbortController();
    const response = await GET(new Request("http://localhost/api/events", { signal: abort.signal }));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await readUntil(reader, ": connected");

    const bus = getDeckEventBus();
    await bus.publish({ type: "deck-changed", slug: "adas-private", ownerId: "ada", at });
    await bus.publish({ type: "card-changed", userId: "ada", cardId: "ada-card", version: 1, at });
    await bus.publish({ type: "card-changed", userId: "bob", cardId: "bob-card", version: 1, at });
    await bus.publish({ type: "deck-changed", slug: "shared-notes", ownerId: null, at });
    const text = await readUntil(reader, "shared-notes");
    abort.abort();

    expect(text).toContain("bob-card");
    expect(text).not.toContain("adas-private");
    expect(text).not.toContain("ada-card");
  });
});
