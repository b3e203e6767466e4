/**
 * The local learner's User row (single-user mode), made on first use. Every grade and mark used to
 * upsert it, one statement per save for a row that, once there, stays: only the accounts takeover
 * (claim-local-learner.ts) deletes it, and that forgets it here. So each Prisma client checks once.
 */
import type { Db } from "@/app/lib/database/client";
import { localUserId } from "./local-learner";
import { isUniqueViolation } from "@/app/lib/database/errors";

/** Clients (one per database) on which the local learner's row is known to exist. */
const knownOn = new WeakSet<Db>();

/**
 * Recreates the local learner's row if it is missing (single-user mode). Only that one: an account's
 * row is made by better-auth at sign-up, so an id from a stale session cannot bring back a deleted
 * account, and a write for an unknown id fails on its foreign key instead of inventing a learner.
 */
export async function ensureUser(prisma: Db, userId: string): Promise<void> {
  if (userId !== localUserId || knownOn.has(prisma)) return;
  try {
    await prisma.user.upsert({
      where: { id: userId },
      update: {},
      create: { id: userId, name: "Local learner" },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  knownOn.add(prisma);
}

/** The local learner's row is gone (taken over by an account): the next ensureUser checks again. */
export function forgetLocalLearnerRow(prisma: Db): void {
  knownOn.delete(prisma);
}
