import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "./auth";
import { cookieCacheExpiry, createVerifiedSessions } from "./verified-sessions";
import type { Viewer } from "./viewer";

/** A few per learner studying at once is plenty; each entry is one header and one viewer. */
const verifiedSessions = createVerifiedSessions<Viewer>(10_000);

/**
 * The signed-in account from the request's session cookie, or null. Within the cookie cache's minute
 * (create-auth.ts) this verifies a signed cookie and queries nothing; the same cookies seen again
 * within that cache's life are not verified twice (verified-sessions.ts). Cached for the request,
 * since a page, its metadata and the header each ask.
 */
export const readSessionViewer = cache(async function readSessionViewer(): Promise<Viewer | null> {
  const requestHeaders = await headers();
  const cookieHeader = requestHeaders.get("cookie");
  const known = cookieHeader ? verifiedSessions.get(cookieHeader) : undefined;
  if (known) return known;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, accounts: true };
  const cachedUntil = cookieHeader ? cookieCacheExpiry(cookieHeader) : null;
  if (cookieHeader && cachedUntil !== null)
    verifiedSessions.remember(
      cookieHeader,
      viewer,
      Math.min(cachedUntil, new Date(session.session.expiresAt).getTime()),
    );
  return viewer;
});
