import { describe, expect, it } from "vitest";
import { createConnectionLimiter } from "@/app/lib/live/connection-limiter";

describe("connection limiter", () => {
  it("gives each client its share and takes a connection back once", () => {
    const limiter = createConnectionLimiter({ perClient: 2, total: 10 });
    const first = limiter.acquire("a");
    const second = limiter.acquire("a");
    expect(first && second).toBeTruthy();
    expect(limiter.acquire("a")).toBeNull();
    expect(limiter.acquire("b")).not.toBeNull();
    first!();
    first!();
    expect(limiter.count("a")).toBe(1);
    expect(limiter.acquire("a")).not.toBeNull();
    expect(limiter.count()).toBe(3);
  });

  it("caps the process too, so a client posing as many addresses cannot hold every connection", () => {
    const limiter = createConnectionLimiter({ perClient: 2, total: 3 });
    const taken = ["x1", "x2", "x3", "x4"].map((client) => limiter.acquire(client));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(taken[3]).toBeNull();
  });
});
