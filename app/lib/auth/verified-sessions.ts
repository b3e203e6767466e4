/**
 * Sessions this process has already verified, by the exact Cookie header that carried them, kept no
 * longer than the signed cookie cache they were read from. better-auth checks two HMAC signatures
 * with WebCrypto on every getSession (the session token and the cookie cache); bench:load's profile
 * put that at about 0.9 ms of CPU per grade, for a learner who sends the same cookies each second.
 * Only a header better-auth accepted is remembered, and only until its own cookie cache expires, so
 * what is trusted and for how long stays better-auth's decision (create-auth.ts, `cookieCache`).
 */

/** better-auth's cookie cache (`compact` strategy), with the prefix it gets over https. */
const sessionDataCookies = ["better-auth.session_data", "__Secure-better-auth.session_data"];

/**
 * When the signed session copy in a Cookie header expires (ms since the epoch), read from the
 * cookie's `expiresAt`; null when there is none, it is split into chunks, or it cannot be read.
 * Not a check of the signature: the caller asks better-auth first.
 */
export function cookieCacheExpiry(cookieHeader: string): number | null {
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (!sessionDataCookies.includes(name)) continue;
    try {
      const json: unknown = JSON.parse(Buffer.from(part.slice(separator + 1).trim(), "base64url").toString());
      const expiresAt = (json as { expiresAt?: unknown } | null)?.expiresAt;
      return typeof expiresAt === "number" && Number.isFinite(expiresAt) ? expiresAt : null;
    } catch {
      return null;
    }
  }
  return null;
}

export interface VerifiedSessions<T> {
  /** What was remembered for this exact header, if it has not expired. */
  get(cookieHeader: string): T | undefined;
  remember(cookieHeader: string, value: T, expiresAt: number): void;
}

/** At most `maxEntries` headers (the oldest forgotten first); `now` for tests. */
export function createVerifiedSessions<T>(
  maxEntries: number,
  now: () => number = Date.now,
): VerifiedSessions<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    get(cookieHeader) {
      const entry = entries.get(cookieHeader);
      if (!entry) return undefined;
      if (entry.expiresAt > now()) return entry.value;
      entries.delete(cookieHeader);
      return undefined;
    },
    remember(cookieHeader, value, expiresAt) {
      if (expiresAt <= now()) return;
      entries.delete(cookieHeader);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(cookieHeader, { value, expiresAt });
    },
  };
}
