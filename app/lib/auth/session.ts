import "server-only";
import type { Viewer } from "./viewer";

/** The signed-in account from the request's session cookie, or null. Implemented with better-auth. */
export async function readSessionViewer(): Promise<Viewer | null> {
  throw new Error("Accounts are not built yet: better-auth session reading goes here");
}
