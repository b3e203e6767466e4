import { describe, expect, it } from "vitest";
import { crossSiteReason } from "@/app/lib/http/cross-site";

const allowed = ["localhost:3000", "127.0.0.1:3000"];
const reason = (headers: Record<string, string>) => crossSiteReason(new Headers(headers), allowed);

describe("crossSiteReason", () => {
  it("lets the app's own pages and typed-in requests through", () => {
    expect(reason({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" })).toBeNull();
    expect(reason({ "sec-fetch-site": "none" })).toBeNull();
  });

  it("refuses pages of other sites, including another port of this host", () => {
    expect(reason({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).toMatch(
      /another site/,
    );
    expect(reason({ "sec-fetch-site": "same-site", origin: "http://localhost:4000" })).toMatch(
      /another site/,
    );
  });

  it("without Sec-Fetch-Site, judges by Origin; without either, it is a program, not a page", () => {
    expect(reason({ origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(reason({ origin: "https://evil.example" })).toMatch(/evil\.example/);
    expect(reason({ origin: "null" })).toMatch(/another site/);
    expect(reason({})).toBeNull();
  });
});
