import { describe, expect, it } from "vitest";
import { foreignHostMessage, isAllowedHost } from "@/app/lib/http/allowed-hosts";
import { readEnv } from "@/app/lib/env";

const envOf = (variables: Record<string, string>) => readEnv(variables as NodeJS.ProcessEnv);

describe("allowed hosts", () => {
  const defaults = envOf({ PORT: "4100" }).ALLOWED_HOSTS;

  it("defaults to localhost, 127.0.0.1 and [::1] on the server's port", () => {
    expect(defaults).toEqual(["localhost:4100", "127.0.0.1:4100", "[::1]:4100"]);
    expect(envOf({}).ALLOWED_HOSTS).toContain("localhost:3000");
    for (const host of ["localhost:4100", "127.0.0.1:4100", "[::1]:4100", "LOCALHOST:4100"])
      expect(isAllowedHost(host, defaults)).toBe(true);
  });

  it("refuses other names (DNS rebinding), other ports and a missing Host", () => {
    for (const host of ["evil.example:4100", "localhost:4101", "localhost", "127.0.0.2:4100", "", null])
      expect(isAllowedHost(host, defaults)).toBe(false);
    expect(foreignHostMessage("evil.example:4100", defaults)).toMatch(
      /^Refused: this server answers to localhost:4100, .* not evil\.example:4100\. Set ALLOWED_HOSTS/,
    );
    expect(foreignHostMessage("localhost:4100", defaults)).toBeNull();
  });

  it("reads ALLOWED_HOSTS as a comma-separated list; a name without a port allows any port", () => {
    const allowed = envOf({ ALLOWED_HOSTS: " Notes.Example.com , 10.0.0.2:3000 " }).ALLOWED_HOSTS;
    expect(allowed).toEqual(["notes.example.com", "10.0.0.2:3000"]);
    expect(isAllowedHost("notes.example.com", allowed)).toBe(true);
    expect(isAllowedHost("notes.example.com:8443", allowed)).toBe(true);
    expect(isAllowedHost("10.0.0.2:3000", allowed)).toBe(true);
    expect(isAllowedHost("10.0.0.2:3001", allowed)).toBe(false);
    expect(isAllowedHost("localhost:3000", allowed)).toBe(false);
  });

  it("refuses to start with an entry that is not a host", () => {
    expect(() => envOf({ ALLOWED_HOSTS: "http://localhost:3000" })).toThrow(/ALLOWED_HOSTS/);
    expect(() => envOf({ ALLOWED_HOSTS: "localhost/app" })).toThrow(/ALLOWED_HOSTS/);
    expect(envOf({ ALLOWED_HOSTS: "" }).ALLOWED_HOSTS).toEqual(envOf({}).ALLOWED_HOSTS);
  });
});
