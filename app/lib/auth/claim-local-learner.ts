/**
 * Switching accounts on keeps the single-user app's progress: the first account created takes over
 * everything the local learner (id "local") studied, added or set, and the local learner is gone.
 */
import type { Db } from "@/app/lib/database/client";
import { localUserId } from "./local-learner";
import { forgetLocalLearnerRow } from "./local-learner-row";

export type ClaimOutcome = "claimed" | "already-claimed";

/**
 * Moves the local learner's card states, reviews, settings, marks and decks to `userId`, then deletes
 * the local user, in one transaction. The first statement claims the local user's row (an UPDATE takes
 * its row lock on PostgreSQL, the write lock on SQLite), so of two sign-ups at once the second waits,
 * then finds no local user and moves nothing.
 */
export async function claimLocalLearner(prisma: Db, userId: string): Promise<ClaimOutcome> {
  if (userId === localUserId) throw new Error("The local learner cannot claim itself.");
  const outcome = await prisma.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: localUserId },
      data: { updatedAt: new Date() },
    });
    if (claimed.count === 0) return "already-claimed";
    const from = { userId: localUserId };
    const to = { userId };
    await tx.cardState.updateMany({ where: from, data: to });
    await tx.reviewLog.updateMany({ where: from, data: to });
    await tx.cardMark.updateMany({ where: from, data: to });
    await tx.deckSettings.updateMany({ where: from, data: to });
    await tx.learnerSettings.updateMany({ where: from, data: to });
    await tx.deck.updateMany({ where: { ownerId: localUserId }, data: { ownerId: userId } });
    await tx.user.delete({ where: { id: localUserId } });
    return "claimed" as const;
  });
  forgetLocalLearnerRow(prisma);
  return outcome;
}
