import { describe, expect, it, vi } from "vitest";
import { SignInRequiredError } from "@/app/lib/auth/viewer";
import { BodyTooLargeError } from "@/app/lib/http/body-limit";
import { withRouteErrors } from "@/app/lib/http/route-errors";

describe("withRouteErrors", () => {
  it("passes a handler's own answers through", async () => {
    const handler = withRouteErrors(async (status: number) => Response.json({ ok: true }, { status }));
    expect((await handler(422)).status).toBe(422);
  });

  it("answers a body over its limit with 413 and the limit", async () => {
    const response = await withRouteErrors(async () => {
      throw new BodyTooLargeError(100 * 1024 * 1024);
    })();
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The upload is larger than the 100 MB limit." });
  });

  it("answers nobody signed in (viewerOrThrow) with 401, not a 500", async () => {
    const response = await withRouteErrors(async () => {
      throw new SignInRequiredError();
    })();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to continue." });
  });

  it("answers anything unexpected with a 500 that says so, never an empty body", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await withRouteErrors(async () => {
      throw new Error("database is locked");
    })();
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect((await response.json()).error).toMatch(/could not handle this request/);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
