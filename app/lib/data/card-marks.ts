/**
 * Reads of the learner's card marks (bury, suspend, flag): the filter that keeps set-aside cards out
 * of study and its counts, and the deck page's figures.
 */
import type { Db } from "@/app/lib/database/client";
import type { Prisma } from "@/app/lib/generated/sqlite/client";

/** Cards the learner has not suspended, nor buried until later than `now`. */
export function studyable(userId: string, now: Date): Prisma.CardWhereInput {
  return {
    marks: { none: { userId, OR: [{ suspendedAt: { not: null } }, { buriedUntil: { gt: now } }] } },
  };
}

export interface DeckMarkCounts {
  suspended: number;
  buried: number;
  flagged: number;
}

/** How many of a deck's active cards the learner has suspended, buried (now) and flagged. */
export async function getDeckMarkCountsWith(
  prisma: Db,
  deckId: string,
  now: Date,
  userId: string,
): Promise<DeckMarkCounts> {
  const card = { deckId, retiredAt: null };
  const [suspended, buried, flagged] = await Promise.all([
    prisma.cardMark.count({ where: { userId, card, suspendedAt: { not: null } } }),
    prisma.cardMark.count({ where: { userId, card, suspendedAt: null, buriedUntil: { gt: now } } }),
    prisma.cardMark.count({ where: { userId, card, flag: { gt: 0 } } }),
  ]);
  return { suspended, buried, flagged };
}

/**
 * When the first card of the deck that a study session read at `now` left out becomes studyable:
 * a review due on a later day, a buried card coming back, or (when the day's new cards are used up
 * and more wait) the next day. Null when nothing will come due.
 */
export async function getLaterDueWith(
  prisma: Db,
  deckId: string,
  now: Date,
  options: { userId: string; dayEnd: Date; newAllowance: number },
): Promise<Date | null> {
  const { userId, dayEnd, newAllowance } = options;
  const active = { deckId, retiredAt: null };
  const [review, buried, moreNew] = await Promise.all([
    prisma.cardState.findFirst({
      where: { userId, state: 2, due: { gte: dayEnd }, card: { ...active, ...studyable(userId, now) } },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
    prisma.cardMark.findFirst({
      where: { userId, suspendedAt: null, buriedUntil: { gt: now }, card: active },
      orderBy: { buriedUntil: "asc" },
      select: { buriedUntil: true },
    }),
    prisma.card.findFirst({
      where: { ...active, states: { none: { userId } }, ...studyable(userId, now) },
      orderBy: { position: "asc" },
      skip: newAllowance,
      select: { id: true },
    }),
  ]);
  const times = [review?.due, buried?.buriedUntil, moreNew ? dayEnd : undefined]
    .filter((time): time is Date => time instanceof Date)
    .map((time) => time.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
