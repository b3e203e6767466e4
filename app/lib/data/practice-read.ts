/**
 * The cards of a practice session (cram or review ahead): read like the study queue, but with no
 * daily limits and nothing about them saved afterwards. Capped like Study all, in file order or
 * soonest due first.
 */
import type { Db } from "@/app/lib/database/client";
import { localUserId } from "@/app/lib/actions/grading";
import { endOfDay } from "@/app/lib/study/queue";
import type { PracticeChoice } from "@/app/lib/study/practice-query";
import type { StudyQueueData } from "@/app/lib/study/types";
import { reshapeStudyCard } from "./study-queue-read";

export const practiceBatch = 500;

export interface PracticeQueue {
  queue: StudyQueueData;
  /** Cards that match, of which `queue.cards` holds the first `practiceBatch`. */
  total: number;
}

const dayMs = 86_400_000;

/**
 * A deck's practice cards: every active card (`cram`), or the started cards due before the end of
 * the day `days` from now (`ahead`). Null when no studyable deck has this slug.
 */
export async function getPracticeQueueWith(
  prisma: Db,
  slug: string,
  choice: PracticeChoice,
  now: Date,
  { limit = practiceBatch, userId = localUserId }: { limit?: number; userId?: string } = {},
): Promise<PracticeQueue | null> {
  const deck = await prisma.deck.findFirst({
    where: { slug, deletedAt: null, missingAt: null },
    select: { id: true, slug: true, title: true },
  });
  if (!deck) return null;
  if (choice.kind === "ahead") {
    const until = endOfDay(new Date(now.getTime() + choice.days * dayMs));
    const where = { userId, due: { lt: until }, card: { deckId: deck.id, retiredAt: null } };
    const [states, total] = await Promise.all([
      prisma.cardState.findMany({
        where,
        orderBy: { due: "asc" },
        take: limit,
        include: { card: true },
      }),
      prisma.cardState.count({ where }),
    ]);
    const cards = states.map(({ card, ...state }) => reshapeStudyCard(card, state));
    return { queue: { deck, cards, newRemaining: 0, loadedAt: now.getTime() }, total };
  }
  const where = { deckId: deck.id, retiredAt: null };
  const [rows, total] = await Promise.all([
    prisma.card.findMany({
      where,
      orderBy: { position: "asc" },
      take: limit,
      include: { states: { where: { userId } } },
    }),
    prisma.card.count({ where }),
  ]);
  const cards = rows.map((row) => reshapeStudyCard(row, row.states[0]));
  return { queue: { deck, cards, newRemaining: 0, loadedAt: now.getTime() }, total };
}
