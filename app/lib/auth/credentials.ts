/**
 * What the sign-in and sign-up forms send, checked in the browser before it is sent (the server checks
 * again), and the message for each way an attempt can fail. Pure: no React, no fetch.
 */
import { z } from "zod";

/** better-auth's defaults (create-auth.ts passes the same numbers). */
export const passwordLimits = { min: 8, max: 128 } as const;

export const authMessages = {
  wrongCredentials: "Unknown email or wrong password.",
  emailTaken: "An account with this email already exists. Sign in instead.",
  passwordTooShort: `Use at least ${passwordLimits.min} characters for the password.`,
  passwordTooLong: `Use at most ${passwordLimits.max} characters for the password.`,
  invalidEmail: "Enter an email address like name@example.org.",
  nameMissing: "Enter the name to show on your account.",
  serverDown: "The server is not answering right now. Check your connection and try again in a moment.",
  refused: "The server refused this attempt. Reload the page and try again.",
} as const;

export function rateLimitedMessage(seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds));
  return `Too many attempts: try again in ${wait} second${wait === 1 ? "" : "s"}.`;
}

const email = z.email({ error: authMessages.invalidEmail }).max(254, { error: authMessages.invalidEmail });
const password = z
  .string()
  .min(passwordLimits.min, { error: authMessages.passwordTooShort })
  .max(passwordLimits.max, { error: authMessages.passwordTooLong });

export const signInSchema = z.object({
  email: z.string().trim().pipe(email),
  password: z.string().min(1, { error: authMessages.wrongCredentials }),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: authMessages.nameMissing }).max(100),
  email: z.string().trim().pipe(email),
  password,
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;

/** The library's error body: `{ code, message }`. */
const errorBodySchema = z.object({ code: z.string().optional(), message: z.string().optional() });

/**
 * The message for a failed attempt, from the answer of /api/auth/sign-in/email or sign-up/email.
 * `retryAfter` is the X-Retry-After header (seconds) of a 429.
 */
export function failureMessage(status: number, body: unknown, retryAfter: string | null): string {
  if (status === 429) return rateLimitedMessage(Number(retryAfter) || 60);
  if (status >= 500) return authMessages.serverDown;
  const parsed = errorBodySchema.safeParse(body);
  const code = parsed.success ? (parsed.data.code ?? "") : "";
  const message = parsed.success ? (parsed.data.message ?? "") : "";
  if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_PASSWORD" || status === 401)
    return authMessages.wrongCredentials;
  if (code.startsWith("USER_ALREADY_EXISTS")) return authMessages.emailTaken;
  if (code === "PASSWORD_TOO_SHORT") return authMessages.passwordTooShort;
  if (code === "PASSWORD_TOO_LONG") return authMessages.passwordTooLong;
  if (code === "INVALID_EMAIL" || /email/i.test(message)) return authMessages.invalidEmail;
  return authMessages.refused;
}
