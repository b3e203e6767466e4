"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/app/lib/auth/auth";
import { accountsEnabled } from "@/app/lib/auth/viewer";

/**
 * Ends this browser's session: deletes the session row and clears both cookies (nextCookies() passes
 * the library's Set-Cookie headers to Next), then shows the sign-in page. Not rate-limited: signing
 * out needs no guard.
 */
export async function signOut(): Promise<void> {
  if (accountsEnabled()) {
    const auth = await getAuth();
    await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  }
  redirect("/sign-in");
}
