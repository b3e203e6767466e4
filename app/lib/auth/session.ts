import "server-only";
import { headers } from "next/headers";
import { getAuth } from "./auth";
import type { Viewer } from "./viewer";

/**
 * The signed-in account from the request's session cookie, or null. Within the cookie cache's minute
 * (create-auth.ts) this verifies a signed cookie and queries nothing.
 */
export async function readSessionViewer(): Promise<Viewer | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  return { userId: user.id, name: user.name, email: user.email, accounts: true };
}
