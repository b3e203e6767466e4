/**
 * Bury, suspend and flag, with the Prisma client passed in so tests run them against real databases.
 * Each call sets the learner's CardMark row to a state, so sending it twice (a retry from the outbox)
 * leaves the same row: the calls are idempotent without storing their ids.
 */
import type { Db } from "@/app/lib/database/client";
import type { MarkAction } from "@/app/lib/study/marks";
import { studyDay } from "@/app/lib/settings";
import { getLearnerSettingsWith } from "@/app/lib/data/settings-read";
import { ensureUser } from "./grading";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { isUniqueViolation } from "@/app/lib/database/errors";

export interface MarkInput {
  cardId: string;
  action: MarkAction;
  /** For "flag": 0 (none) to 4. */
  flag?: number;
}

export interface CardMarkState {
  buriedUntil: Date | null;
  suspendedAt: Date | null;
  flag: number;
}

export type MarkResult =
  { status: "marked"; cardId: string; mark: CardMarkState } | { status: "not-found"; cardId: string };

/** When a buried card comes back: the start of the learner's next study day (their hour, their zone). */
export async function buriedUntilWith(prisma: Db, userId: string, now: Date): Promise<Date> {
  const { settings } = await getLearnerSettingsWith(prisma, userId);
  return studyDay(now, settings.timeZone, settings.dayStartHour).end;
}

/**
 * Applies one mark to the learner's card; `now` is when the action runs on the server. A card in a
 * deck the learner cannot see is `not-found`, decided in the transaction that writes the mark.
 */
export async function markCardWith(
  prisma: Db,
  input: MarkInput,
  now: Date,
  options: { userId: string },
): Promise<MarkResult> {
  const { userId } = options;
  await ensureUser(prisma, userId);
  const where = { userId_cardId: { userId, cardId: input.cardId } };
  const buryUntil = input.action === "bury" ? await buriedUntilWith(prisma, userId, now) : null;
  const write = () =>
    prisma.$transaction(async (tx) => {
      const card = await tx.card.findFirst({
        where: { id: input.cardId, deck: visibleDeckWhere(userId) },
        select: { id: true },
      });
      if (!card) return null;
      const existing = await tx.cardMark.findUnique({ where });
      const data = {
        bury: { buriedUntil: buryUntil },
        unbury: { buriedUntil: null },
        // A second suspend keeps the first date: that is when the card left study.
        suspend: { suspendedAt: existing?.suspendedAt ?? now },
        unsuspend: { suspendedAt: null },
        flag: { flag: input.flag ?? 0 },
      }[input.action];
      return tx.cardMark.upsert({
        where,
        create: { userId, cardId: input.cardId, ...data },
        update: data,
      });
    });
  let row;
  try {
    row = await write();
  } catch (error) {
    // Two first marks of the same card raced to create the row: the second one now updates it.
    if (!isUniqueViolation(error)) throw error;
    row = await write();
  }
  if (!row) return { status: "not-found", cardId: input.cardId };
  return {
    status: "marked",
    cardId: input.cardId,
    mark: { buriedUntil: row.buriedUntil, suspendedAt: row.suspendedAt, flag: row.flag },
  };
}
