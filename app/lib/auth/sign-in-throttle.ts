/**
 * A limit on sign-in attempts per email address, beside better-auth's limit per client address. The
 * client address comes from X-Forwarded-For, which a client talking to the app directly (no proxy in
 * front) can set to anything, so a password guesser could rotate it; the email it guesses for is
 * what it cannot change. Counted in the RateLimit table, so every instance counts the same attempts.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/app/lib/database/client";

export interface ThrottleRule {
  /** Seconds over which attempts are counted, from the first. */
  window: number;
  max: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per address, AUTH_RATE_LIMIT a minute; per account, three times that over five minutes. */
export function emailThrottleRule(addressMax: number, addressWindowSeconds: number): ThrottleRule {
  return { window: addressWindowSeconds * 5, max: addressMax * 3 };
}

const keyFor = (email: string) => `sign-in-email:${email.trim().toLowerCase()}`;

/** Counts one sign-in attempt for `email` and says whether it may go ahead. */
export async function countSignInAttempt(
  prisma: Db,
  email: string,
  rule: ThrottleRule,
  now = Date.now(),
): Promise<ThrottleVerdict> {
  const key = keyFor(email);
  const windowMs = rule.window * 1000;
  return prisma.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || now - Number(row.lastRequest) >= windowMs) {
      await tx.rateLimit.upsert({
        where: { key },
        create: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      });
      return { allowed: true } as const;
    }
    if (row.count >= rule.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Number(row.lastRequest) + windowMs - now) / 1000));
      return { allowed: false, retryAfterSeconds } as const;
    }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { allowed: true } as const;
  });
}
