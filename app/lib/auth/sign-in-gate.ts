/**
 * A cheap first gate for pages when accounts are on: a page request that carries no session cookie at
 * all goes to the sign-in page before any rendering. It only looks for the cookie; whether the session
 * is real is checked server-side (requireViewer, viewerOrThrow) on every page and action.
 */
import type { NextRequest } from "next/server";

/** better-auth's session cookie, with the prefix it gets over https. */
const sessionCookies = ["better-auth.session_token", "__Secure-better-auth.session_token"];

/** Pages anyone may open signed out (the sign-in pages, and what the browser fetches for any page). */
const openPaths = ["/sign-in", "/sign-up", "/favicon.svg", "/katex/"];

/** A browser navigation to a page (not a server action, fetch or asset) with no session cookie. */
export function needsSignIn(
  request: Pick<NextRequest, "method" | "headers" | "nextUrl" | "cookies">,
): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const { pathname } = request.nextUrl;
  if (
    openPaths.some((open) => pathname === open || pathname.startsWith(open.endsWith("/") ? open : `${open}/`))
  )
    return false;
  // Server components fetched by the client router (RSC) and prefetches answer with data, not a page.
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch")) return false;
  return !sessionCookies.some((name) => request.cookies.has(name));
}
