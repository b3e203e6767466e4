import type { Prisma } from "@/app/lib/generated/sqlite/client";

/** Cards the learner suspended, or buried until later than now, are neither studied nor counted. */
export function unmarked(userId: string, now: Date): Prisma.CardWhereInput {
  return {
    marks: { none: { userId, OR: [{ suspendedAt: { not: null } }, { buriedUntil: { gt: now } }] } },
  };
}
