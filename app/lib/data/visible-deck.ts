/**
 * A deck by slug, only when the learner may see it: a shared deck from the notes folder or one of
 * their own. Another learner's private deck reads as no deck at all, so a page or route answers 404
 * and never confirms that it exists.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";

export interface VisibleDeck {
  id: string;
  slug: string;
  title: string;
  ownerId: string | null;
  deletedAt: Date | null;
  missingAt: Date | null;
}

export async function getVisibleDeckWith(
  prisma: Db,
  slug: string,
  userId: string,
): Promise<VisibleDeck | null> {
  return prisma.deck.findFirst({
    where: { slug, ...visibleDeckWhere(userId) },
    select: { id: true, slug: true, title: true, ownerId: true, deletedAt: true, missingAt: true },
  });
}
