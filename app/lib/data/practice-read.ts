/**
 * The cards of a practice session (cram or review ahead): read like the study queue, but with no
 * daily limits and nothing about them saved afterwards. Capped like Study all, in file order or
 * soonest due first.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { endOfDay } from "@/app/lib/study/queue";
import type { PracticeChoice } from "@/app/lib/study/practice-query";
import { defaultLearnerSettings, resolveDeckSettings, schedulingOptionsOf } from "@/app/lib/settings";
import type { StudyQueueData } from "@/app/lib/study/types";
import { studiedCardsWhere } from "./quiz-mode";
import { reshapeStudyCard } from "./study-queue-read";

export const practiceBatch = 500;

export interface PracticeQueue {
  queue: StudyQueueData;
  /** Cards that match, of which `queue.cards` holds the first `practiceBatch`. */
  total: number;
}

const dayMs = 86_400_000;

/** The study fields practice leaves unused: it schedules nothing, buries nothing, tags no leech. */
const unscheduled = {
  newRemaining: 0,
  dayEnd: 0,
  burySiblings: false,
  leechThreshold: 0,
  scheduling: schedulingOptionsOf(resolveDeckSettings(defaultLearnerSettings, null)),
};

/** Decks `userId` may practise: theirs or shared, neither in the trash nor missing their file. */
function activeDeck(userId: string) {
  return { deletedAt: null, missingAt: null, ...visibleDeckWhere(userId) };
}
const deckLabel = { select: { slug: true, title: true } } as const;

/**
 * A deck's practice cards, or every active deck's with `slug` null (Practice all): every active
 * card (`cram`, in deck then file order), or the started cards due before the end of the day `days`
 * from now (`ahead`, soonest first). Null when no studyable deck `userId` may see has this slug.
 */
export async function getPracticeQueueWith(
  prisma: Db,
  slug: string | null,
  choice: PracticeChoice,
  now: Date,
  { limit = practiceBatch, userId }: { limit?: number; userId: string },
): Promise<PracticeQueue | null> {
  const deck =
    slug === null
      ? { id: "", slug: "", title: "All decks" }
      : await prisma.deck.findFirst({
          where: { slug, ...activeDeck(userId) },
          select: { id: true, slug: true, title: true },
        });
  if (!deck) return null;
  const reversed = await prisma.deckSettings.findMany({
    where: { userId, studyReversed: true },
    select: { deckId: true },
  });
  // Reverse cards of term cards only in decks the learner studies both ways.
  const studied = studiedCardsWhere(reversed.map((row) => row.deckId));
  const inDeck = slug === null ? { deck: activeDeck(userId), ...studied } : { deckId: deck.id, ...studied };
  // Cards of several decks say which deck each comes from.
  const label = (row: { deck: { slug: string; title: string } }) => (slug === null ? { deck: row.deck } : {});
  if (choice.kind === "ahead") {
    const until = endOfDay(new Date(now.getTime() + choice.days * dayMs));
    const where = { userId, due: { lt: until }, card: { ...inDeck, retiredAt: null } };
    const [states, total] = await Promise.all([
      prisma.cardState.findMany({
        where,
        orderBy: { due: "asc" },
        take: limit,
        include: { card: { include: { deck: deckLabel } } },
      }),
      prisma.cardState.count({ where }),
    ]);
    const cards = states.map(({ card, ...state }) => ({ ...reshapeStudyCard(card, state), ...label(card) }));
    return { queue: { deck, cards, ...unscheduled, loadedAt: now.getTime() }, total };
  }
  const where = { ...inDeck, retiredAt: null };
  const [rows, total] = await Promise.all([
    prisma.card.findMany({
      where,
      orderBy:
        slug === null
          ? [{ deck: { title: "asc" as const } }, { deckId: "asc" as const }, { position: "asc" as const }]
          : { position: "asc" as const },
      take: limit,
      include: { states: { where: { userId } }, deck: deckLabel },
    }),
    prisma.card.count({ where }),
  ]);
  const cards = rows.map((row) => ({ ...reshapeStudyCard(row, row.states[0]), ...label(row) }));
  return { queue: { deck, cards, ...unscheduled, loadedAt: now.getTime() }, total };
}
