import Link from "next/link";
import { AuthForm } from "./auth-form";

const linkClass = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";

/** The sign-in and sign-up pages share one card: a heading, the form, and a link to the other page. */
export function AuthPage({ mode, next }: { mode: "sign-in" | "sign-up"; next: string }) {
  const signUp = mode === "sign-up";
  const other = signUp ? "/sign-in" : "/sign-up";
  const otherHref = next === "/" ? other : `${other}?next=${encodeURIComponent(next)}`;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold tracking-tight">{signUp ? "Create an account" : "Sign in"}</h1>
      <p className="mb-6 text-stone-700 dark:text-stone-300">
        {signUp ? "Your own progress, settings and decks, on this server." : "Sign in to study your cards."}
      </p>
      <div className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <AuthForm mode={mode} next={next} />
      </div>
      <p className="mt-4 text-sm text-stone-700 dark:text-stone-300">
        {signUp ? "Already have an account? " : "New here? "}
        <Link href={otherHref} prefetch={false} className={linkClass}>
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </div>
  );
}
