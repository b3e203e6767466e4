import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "./auth";
import { readSessionWith } from "./session-reader";
import { createVerifiedSessions } from "./verified-sessions";
import type { Viewer } from "./viewer";

/** A few per learner studying at once is plenty; each entry is one header and one viewer. */
const verifiedSessions = createVerifiedSessions<Viewer>(10_000);

/**
 * The signed-in account from the request's session cookie, or null. Within the cookie cache's minute
 * (create-auth.ts) this verifies a signed cookie and queries nothing; the same cookies seen again
 * within that cache's life are not verified twice (verified-sessions.ts), and a Server Action never
 * renews a cookie (session-reader.ts). Cached for the request, since a page, its metadata and the
 * header each ask.
 */
export const readSessionViewer = cache(async function readSessionViewer(): Promise<Viewer | null> {
  const requestHeaders = await headers();
  const auth = await getAuth();
  const { viewer } = await readSessionWith(auth, requestHeaders, {
    serverAction: requestHeaders.has("next-action"),
    verified: verifiedSessions,
  });
  return viewer;
});
