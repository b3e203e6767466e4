import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Only the refusal before better-auth is looked at here: no database is reached.
const { POST } = await import("@/app/api/auth/[...all]/route");

const signIn = (headers: Record<string, string>) =>
  POST(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
      body: JSON.stringify({ email: "ada@example.org", password: "correct horse" }),
    }),
  );

describe("POST /api/auth/* from another site", () => {
  beforeEach(() => {
    vi.stubEnv("ACCOUNTS", "on");
    vi.stubEnv("BETTER_AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("PORT", "3000");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("refuses a sign-in sent by another site's page (login forgery) with a 403 that says why", async () => {
    const response = await signIn({ "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/another site.*Sign in on the app's own page/);
  });

  it("refuses one from an unknown Origin when the browser sends no Sec-Fetch-Site", async () => {
    const response = await signIn({ origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });

  it("refuses a foreign Host (DNS rebinding)", async () => {
    const response = await signIn({ host: "evil.example", "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(403);
  });
});
