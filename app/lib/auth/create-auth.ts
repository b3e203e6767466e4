/**
 * The better-auth instance: email and password accounts stored through Prisma in the app's own
 * database (SQLite or PostgreSQL). Built from a database and a validated environment so tests build one
 * on their own database; the server builds one per process in auth.ts.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { OpenDatabase } from "@/app/lib/database/client";
import type { Env } from "@/app/lib/env";
import { claimLocalLearner } from "./claim-local-learner";
import { authBaseUrl, trustedOrigins, usesSecureCookies } from "./origins";
import { countSignInAttempt, emailThrottleRule } from "./sign-in-throttle";

type AuthEnv = Pick<
  Env,
  "BETTER_AUTH_SECRET" | "BETTER_AUTH_URL" | "PORT" | "ALLOWED_HOSTS" | "AUTH_RATE_LIMIT"
>;

/** The library's default, stated so the sign-up form can say it: 8 characters at least. */
export const minPasswordLength = 8;
export const maxPasswordLength = 128;

/** How long a signed copy of the session in a cookie stands in for the session row (seconds). */
export const sessionCacheSeconds = 60;

/** The window over which AUTH_RATE_LIMIT sign-in and sign-up attempts are counted (seconds). */
export const authRateWindowSeconds = 60;

export function createAuth(db: Pick<OpenDatabase, "prisma" | "provider">, env: AuthEnv) {
  const attempts = { window: authRateWindowSeconds, max: env.AUTH_RATE_LIMIT };
  const perEmail = emailThrottleRule(env.AUTH_RATE_LIMIT, authRateWindowSeconds);
  return betterAuth({
    appName: "Notecards",
    secret: env.BETTER_AUTH_SECRET,
    baseURL: authBaseUrl(env),
    basePath: "/api/auth",
    trustedOrigins: trustedOrigins(env),
    database: prismaAdapter(db.prisma, { provider: db.provider }),
    emailAndPassword: { enabled: true, minPasswordLength, maxPasswordLength, autoSignIn: true },
    session: {
      // A grade must not cost a session query: for up to a minute the session is read from a signed
      // cookie alone. The trade: signing out in another browser (which deletes the session row) takes
      // up to that minute to reach a browser holding a cached copy. Signing out here clears both.
      cookieCache: { enabled: true, maxAge: sessionCacheSeconds },
    },
    rateLimit: {
      // On in every environment (the library's default is production only), counted in the database
      // so that every instance over one PostgreSQL counts the same attempts. Only requests through the
      // HTTP router (/api/auth/*) are counted, which is why the forms post there.
      enabled: true,
      storage: "database",
      window: authRateWindowSeconds,
      max: 100,
      customRules: { "/sign-in/*": attempts, "/sign-up/*": attempts },
    },
    advanced: {
      useSecureCookies: usesSecureCookies(env),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    hooks: {
      // After the per-address limit (the router's), a limit per account that a rotated
      // X-Forwarded-For cannot dodge (sign-in-throttle.ts).
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email: unknown = ctx.body?.email;
        if (typeof email !== "string") return;
        const verdict = await countSignInAttempt(db.prisma, email, perEmail);
        if (verdict.allowed) return;
        throw new APIError(
          "TOO_MANY_REQUESTS",
          { message: "Too many attempts for this account." },
          { "X-Retry-After": String(verdict.retryAfterSeconds) },
        );
      }),
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await claimLocalLearner(db.prisma, user.id);
          },
        },
      },
    },
    telemetry: { enabled: false },
    // Last, as the library asks: lets auth.api calls from server actions set cookies through Next.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
