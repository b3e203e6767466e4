import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/app/lib/auth/return-path";
import { accountsEnabled, getViewer } from "@/app/lib/auth/viewer";
import { AuthPage } from "@/app/ui/auth/auth-page";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeReturnPath((await searchParams).next);
  // Single-user mode has nobody to sign in as; a learner already signed in goes where they were going.
  if (!accountsEnabled()) redirect("/");
  if (await getViewer()) redirect(next);
  return <AuthPage mode="sign-in" next={next} />;
}
