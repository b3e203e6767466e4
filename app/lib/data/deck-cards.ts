/**
 * A deck's active cards in file order, one page at a time, optionally only those whose front, back
 * or headings hold a search text. A 41,000-card deck was 31 MB of HTML in one page.
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import type { Schedule } from "@/app/lib/scheduler";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { toPage, type PageLinks, type PageQuery } from "./keyset";
import { parseContext, reshapeSchedule } from "./mappers";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

export const cardsPerPage = 100;

export interface DeckCardRow {
  id: string;
  kind: string;
  front: string;
  back: string;
  context: string[];
  line: number;
  schedule: Schedule | null;
  /** Tagged a leech (forgotten leechThreshold times; suspended when tagged). */
  leech: boolean;
  /** The learner's bury, suspension and flag; null when never marked. */
  mark: { buriedUntil: Date | null; suspendedAt: Date | null; flag: number } | null;
}

export interface DeckCardsPage {
  cards: DeckCardRow[];
  /** Active cards matching the search (all active cards without one). */
  total: number;
  links: PageLinks;
}

/** Cards whose front, back or headings hold `query`, ignoring case on both databases. */
function matching(query: string, provider: Provider): Prisma.CardWhereInput {
  // SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE, which only its client knows.
  const text = (
    provider === "postgresql" ? { contains: query, mode: "insensitive" } : { contains: query }
  ) as {
    contains: string;
  };
  return { OR: [{ front: text }, { back: text }, { context: text }] };
}

/**
 * The page of a deck's cards (by position, then id) after or before a card, or the first page;
 * empty when `userId` may not see the deck.
 */
export async function getDeckCardsPageWith(
  { prisma, provider }: { prisma: Db; provider: Provider },
  deckId: string,
  request: PageQuery,
  userId: string,
  limit = cardsPerPage,
): Promise<DeckCardsPage> {
  const base: Prisma.CardWhereInput = {
    deckId,
    deck: visibleDeckWhere(userId),
    retiredAt: null,
    // Reverse directions of term cards are the same cards, studied the other way: listed once.
    ...notReverseCard,
    ...(request.q ? matching(request.q, provider) : {}),
    ...(request.marked
      ? {
          marks: {
            some:
              request.marked === "suspended"
                ? { userId, suspendedAt: { not: null } }
                : { userId, flag: { gt: 0 } },
          },
        }
      : {}),
  };
  const anchorId = request.before ?? request.after;
  const anchor = anchorId
    ? await prisma.card.findFirst({ where: { id: anchorId, deckId }, select: { id: true, position: true } })
    : null;
  const backwards = Boolean(request.before && anchor);
  const range: Prisma.CardWhereInput = !anchor
    ? {}
    : backwards
      ? {
          position: { lte: anchor.position },
          OR: [{ position: { lt: anchor.position } }, { id: { lt: anchor.id } }],
        }
      : {
          position: { gte: anchor.position },
          OR: [{ position: { gt: anchor.position } }, { id: { gt: anchor.id } }],
        };
  const direction = backwards ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    prisma.card.findMany({
      where: { AND: [base, range] },
      orderBy: [{ position: direction }, { id: direction }],
      take: limit + 1,
      include: {
        states: { where: { userId } },
        marks: {
          where: { userId },
          select: { buriedUntil: true, suspendedAt: true, flag: true, leechAt: true },
        },
      },
    }),
    prisma.card.count({ where: base }),
  ]);
  const page = toPage(rows, limit, { backwards, fromCursor: anchor !== null });
  return {
    cards: page.rows.map((card) => {
      const state = card.states[0];
      return {
        id: card.id,
        kind: card.kind,
        front: card.front,
        back: card.back,
        context: parseContext(card.context),
        line: card.line,
        schedule: state ? reshapeSchedule(state) : null,
        leech: Boolean(card.marks[0]?.leechAt),
        mark: card.marks[0] ?? null,
      };
    }),
    total,
    links: page.links,
  };
}
