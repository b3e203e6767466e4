import { describe, expect, it } from "vitest";
import { safeReturnPath, signInHref } from "@/app/lib/auth/return-path";

describe("where sign-in returns to", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/decks/spanish")).toBe("/decks/spanish");
    expect(safeReturnPath("/decks/spanish/study?mode=typed#card")).toBe(
      "/decks/spanish/study?mode=typed#card",
    );
    expect(safeReturnPath("/")).toBe("/");
  });

  it.each([
    ["another origin", "https://evil.example/"],
    ["a protocol-relative address", "//evil.example/x"],
    ["a backslash some browsers read as a slash", "/\\evil.example"],
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a javascript: address", "javascript:alert(1)"],
    ["a relative path", "decks"],
    ["nothing", undefined],
    ["a repeated parameter", ["/a", "/b"]],
    ["the sign-in page itself", "/sign-in?next=/sign-in"],
    ["the sign-up page", "/sign-up"],
    ["an API route", "/api/auth/sign-out"],
  ])("sends %s home", (_, next) => {
    expect(safeReturnPath(next)).toBe("/");
  });

  it("builds the sign-in link that comes back", () => {
    expect(signInHref("/stats?days=90")).toBe("/sign-in?next=%2Fstats%3Fdays%3D90");
    expect(signInHref("/")).toBe("/sign-in");
    expect(signInHref("//evil.example")).toBe("/sign-in");
  });
});
