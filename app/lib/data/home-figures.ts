/**
 * The home page's figures across every deck the learner studies: what is due today, when the next
 * card comes due, reviews done today and the streak. Each is one aggregate query (the streak one per
 * day walked back, in batches), so the cost does not grow with the number of decks.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { countStreak } from "@/app/lib/home/streak";
import { dayBefore, todayBounds, type DayBounds, type DayClock } from "@/app/lib/home/today";
import { studyable } from "./card-marks";
import { getLearnerSettingsWith } from "./settings-read";

export interface HomeFigures {
  /** Learning cards due now plus review cards due before the day ends, in studyable decks. */
  dueToday: number;
  /** The earliest due time of a card not due now (the next learning step or review), or null. */
  nextDue: Date | null;
  /** Grades given today. */
  reviewedToday: number;
  /** Consecutive study days with a review, counting today once studied. */
  streak: number;
  /** False until the learner's first grade: the home page then welcomes them. */
  hasReviewed: boolean;
}

/**
 * Cards of decks `userId` can study: not retired, deck theirs or shared, neither in the trash nor
 * missing its file.
 */
function studyableCard(userId: string) {
  return { retiredAt: null, deck: { deletedAt: null, missingAt: null, ...visibleDeckWhere(userId) } };
}

// Days read per round trip while walking a streak back; a year's streak takes a few rounds.
const streakBatch = 30;
const streakMaxDays = 3_650;

async function studiedOn(prisma: Db, userId: string, days: DayBounds[]): Promise<boolean[]> {
  return Promise.all(
    days.map(async (day) =>
      Boolean(
        await prisma.reviewLog.findFirst({
          where: { userId, review: { gte: day.start, lt: day.end } },
          select: { id: true },
        }),
      ),
    ),
  );
}

/** The learner's streak as of `today`: days walked back in batches until one without a review. */
export async function getStreakWith(
  prisma: Db,
  userId: string,
  today: DayBounds,
  clock: DayClock,
): Promise<number> {
  const studied: boolean[] = [];
  let day = today;
  while (studied.length < streakMaxDays) {
    const batch: DayBounds[] = [];
    for (let i = 0; i < streakBatch; i++) {
      batch.push(day);
      day = dayBefore(day, clock);
    }
    studied.push(...(await studiedOn(prisma, userId, batch)));
    const streak = countStreak(studied);
    // The streak stopped at a day inside what was read: no need to look further back.
    if (streak + (studied[0] ? 0 : 1) < studied.length) return streak;
  }
  return countStreak(studied);
}

/** The home page's figures for `userId` at `now`. */
export async function getHomeFiguresWith(prisma: Db, now: Date, userId: string): Promise<HomeFigures> {
  const { settings } = await getLearnerSettingsWith(prisma, userId);
  const today = todayBounds(now, settings);
  const [dueToday, next, reviewedToday, first] = await Promise.all([
    prisma.cardState.count({
      where: {
        userId,
        // Suspended and buried cards are not due (study controls).
        card: { ...studyableCard(userId), ...studyable(userId, now) },
        OR: [
          { state: { in: [1, 3] }, due: { lte: now } },
          { state: 2, due: { lt: today.end } },
        ],
      },
    }),
    prisma.cardState.findFirst({
      where: { userId, due: { gt: now }, card: studyableCard(userId) },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
    prisma.reviewLog.count({ where: { userId, review: { gte: today.start, lt: today.end } } }),
    prisma.reviewLog.findFirst({ where: { userId }, select: { id: true } }),
  ]);
  const streak = first ? await getStreakWith(prisma, userId, today, settings) : 0;
  return { dueToday, nextDue: next?.due ?? null, reviewedToday, streak, hasReviewed: first !== null };
}
