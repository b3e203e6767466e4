import "server-only";
import { redirect } from "next/navigation";
import { readEnv } from "@/app/lib/env";
import { localUserId } from "./local-learner";
import { readSessionViewer } from "./session";

/**
 * Who is asking. Every read and write that touches a learner's data takes its user id from here, and
 * from nowhere else: the signed-in account when accounts are on, the local learner when they are off.
 */
export interface Viewer {
  userId: string;
  /** Shown in the header; the account's name, or "Local learner". */
  name: string;
  /** Null for the local learner. */
  email: string | null;
  /** Whether accounts are on (so there is a sign-out, and shared decks are read-only). */
  accounts: boolean;
}

export const localViewer: Viewer = {
  userId: localUserId,
  name: "Local learner",
  email: null,
  accounts: false,
};

export function accountsEnabled(): boolean {
  return readEnv().ACCOUNTS;
}

/** The viewer, or null when accounts are on and nobody is signed in. */
export async function getViewer(): Promise<Viewer | null> {
  if (!accountsEnabled()) return localViewer;
  return readSessionViewer();
}

/** For pages: the viewer, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireViewer(returnTo = "/"): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
}

/** Thrown by actions when nobody is signed in; route handlers answer it with a 401. */
export class SignInRequiredError extends Error {
  constructor() {
    super("Sign in to continue.");
    this.name = "SignInRequiredError";
  }
}

/** For actions and route handlers: the viewer, or a SignInRequiredError. */
export async function viewerOrThrow(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new SignInRequiredError();
  return viewer;
}
