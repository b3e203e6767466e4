/**
 * Where the app is reached, for better-auth: its base URL (which also decides whether session cookies
 * are `Secure`) and the origins whose requests it trusts. Pure: takes the validated environment.
 */
import type { Env } from "@/app/lib/env";

type OriginEnv = Pick<Env, "BETTER_AUTH_URL" | "PORT" | "ALLOWED_HOSTS">;

/** BETTER_AUTH_URL's origin, else http://localhost:PORT. */
export function authBaseUrl(env: OriginEnv): string {
  return env.BETTER_AUTH_URL ? new URL(env.BETTER_AUTH_URL).origin : `http://localhost:${env.PORT}`;
}

/**
 * The base URL's origin, and each ALLOWED_HOSTS entry over http and https (an entry without a port
 * allows any port, as the host check does). A form posted from any other origin is refused (403).
 *
 * @example trustedOrigins({ PORT: 3000, ALLOWED_HOSTS: ["localhost:3000"] })
 * // -> ["http://localhost:3000", "https://localhost:3000"]
 */
export function trustedOrigins(env: OriginEnv): string[] {
  const origins = new Set([authBaseUrl(env)]);
  for (const host of env.ALLOWED_HOSTS) {
    const hasPort = /(^\[[^\]]*\]|^[^:[]+):\d+$/.test(host);
    for (const scheme of ["http", "https"]) {
      origins.add(`${scheme}://${host}`);
      if (!hasPort) origins.add(`${scheme}://${host}:*`);
    }
  }
  return [...origins];
}

/** Cookies are `Secure` when the app is served over https (a browser drops them over plain http). */
export function usesSecureCookies(env: OriginEnv): boolean {
  return authBaseUrl(env).startsWith("https://");
}
