"use client";

import { useState } from "react";
import { z } from "@/app/lib/browser-zod";
import {
  authMessages,
  failureMessage,
  passwordLimits,
  signInSchema,
  signUpSchema,
} from "@/app/lib/auth/credentials";
import { inputClass, submitClass } from "@/app/ui/settings/settings-field";

type Mode = "sign-in" | "sign-up";
type FieldErrors = Partial<Record<"name" | "email" | "password", string[]>>;

/**
 * The sign-in or sign-up form. It posts to better-auth's own endpoints (/api/auth/sign-in/email,
 * /api/auth/sign-up/email) rather than through a server action, because the library's router is where
 * the rate limit is counted. On success the session cookie is set by that answer, and a full page load
 * of `next` renders the app as the new learner.
 */
export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const signUp = mode === "sign-up";

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const entries = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = (signUp ? signUpSchema : signInSchema).safeParse(entries);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      setMessage("Check the fields marked above.");
      return;
    }
    setErrors({});
    setMessage("");
    setPending(true);
    try {
      const response = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(parsed.data),
        credentials: "same-origin",
      });
      if (response.ok) {
        setMessage(signUp ? "Account created. Opening your cards..." : "Signed in. Opening your cards...");
        window.location.assign(next);
        return;
      }
      const body: unknown = await response.json().catch(() => null);
      setMessage(failureMessage(response.status, body, response.headers.get("X-Retry-After")));
    } catch {
      setMessage(authMessages.serverDown);
    }
    setPending(false);
  }

  const field = (name: keyof FieldErrors, hint?: string) => ({
    id: name,
    name,
    required: true,
    "aria-describedby": `${hint ? `${name}-hint ` : ""}${name}-error`,
    "aria-invalid": errors[name]?.length ? true : undefined,
    className: inputClass,
  });
  const fieldErrors = (name: keyof FieldErrors) => (
    <div id={`${name}-error`} aria-live="polite" aria-atomic="true">
      {errors[name]?.map((error) => (
        <p key={error} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ))}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby="auth-outcome">
      {signUp && (
        <div>
          <label htmlFor="name" className="mb-1 block font-medium">
            Name
          </label>
          <input type="text" autoComplete="name" maxLength={100} {...field("name")} />
          {fieldErrors("name")}
        </div>
      )}
      <div>
        <label htmlFor="email" className="mb-1 block font-medium">
          Email
        </label>
        <input type="email" autoComplete="email" inputMode="email" spellCheck={false} {...field("email")} />
        {fieldErrors("email")}
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-medium">
          Password
        </label>
        <input
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          minLength={signUp ? passwordLimits.min : undefined}
          maxLength={passwordLimits.max}
          {...field("password", signUp ? "password-hint" : undefined)}
        />
        {signUp && (
          <p id="password-hint" className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            At least {passwordLimits.min} characters.
          </p>
        )}
        {fieldErrors("password")}
      </div>
      <div id="auth-outcome" role="status" aria-live="polite" aria-atomic="true" className="min-h-5 text-sm">
        {message ? (
          <p
            className={
              pending ? "text-stone-700 dark:text-stone-300" : "font-medium text-red-700 dark:text-red-300"
            }
          >
            {message}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={`${submitClass} w-full`}>
        {pending ? (signUp ? "Creating account..." : "Signing in...") : signUp ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}
