/**
 * Host names the server answers to (ALLOWED_HOSTS in app/lib/env.ts), and the check of a request's
 * Host header against them. Pure: no Next, no environment.
 */
import { z } from "zod";

const hostPattern =
  /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::(\d{1,5}))?$/;

/** One allowed host: `name` or `name:port` (IPv6 in brackets), lower case, no scheme or path. */
export const hostEntrySchema = z
  .string()
  .regex(hostPattern, "each entry must be host or host:port, e.g. notes.example.com or localhost:3000");

/**
 * Whether a Host header names one of `allowed`. An entry with a port matches only that port; an
 * entry without one matches the name on any port. Case does not matter; a missing header never
 * matches.
 *
 * @example isAllowedHost("localhost:3000", ["localhost:3000"]) // -> true
 * @example isAllowedHost("evil.example:3000", ["localhost:3000"]) // -> false
 */
export function isAllowedHost(host: string | null, allowed: readonly string[]): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  const match = hostPattern.exec(value);
  if (!match) return false;
  const name = match[1] === undefined ? value : value.slice(0, -(match[1].length + 1));
  return allowed.some((entry) => entry === value || entry === name);
}

/** Why a request to `host` is refused, or null when the host is allowed. Shown to whoever sent it. */
export function foreignHostMessage(host: string | null, allowed: readonly string[]): string | null {
  if (isAllowedHost(host, allowed)) return null;
  return (
    `Refused: this server answers to ${allowed.join(", ")}, not ${host || "a request without a Host"}. ` +
    "Set ALLOWED_HOSTS to the address you open the app at."
  );
}
