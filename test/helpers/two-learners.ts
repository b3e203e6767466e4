/**
 * Two learners on one instance, for the tests that try to read one's data as the other: Alice has a
 * private deck added in the browser (with progress), a private deck in her trash, and progress on the
 * shared deck from the notes folder; Bob has a small private deck of his own and no progress at all.
 * A shared deck also waits in the trash (deleted in single-user mode, before accounts were on).
 */
import type { Db } from "@/app/lib/database/client";
import { ensureLocalUser, putDeck, putReview, putState } from "./learner-rows";

export const alice = "alice";
export const bob = "bob";

export interface TwoLearners {
  /** Card ids by deck slug; each deck's id is its slug. */
  shared: string[];
  alicePrivate: string[];
  aliceTrashed: string[];
  sharedTrashed: string[];
  bobDeck: string[];
}

const hour = 3_600_000;

export async function seedTwoLearners(prisma: Db, now: Date): Promise<TwoLearners> {
  for (const userId of [alice, bob, "local"]) await ensureLocalUser(prisma, userId);
  const owned = async (
    slug: string,
    cards: number,
    ownerId: string | null,
    sourcePath: string,
    title: string,
  ) => {
    const ids = await putDeck(prisma, slug, cards, { sourcePath, title });
    if (ownerId) await prisma.deck.update({ where: { id: slug }, data: { ownerId } });
    return ids;
  };
  const decks: TwoLearners = {
    shared: await owned("shared", 3, null, "content/shared.md", "Shared"),
    alicePrivate: await owned("alice-private", 4, alice, "browser:alice-private", "Alice private"),
    aliceTrashed: await owned("alice-trashed", 1, alice, "anki:alice-trashed", "Alice trashed"),
    sharedTrashed: await owned("shared-trashed", 1, null, "content/old.md", "Shared trashed"),
    bobDeck: await owned("bob-deck", 2, bob, "browser:bob-deck", "Bob deck"),
  };
  const dayAgo = new Date(now.getTime() - 24 * hour);
  await prisma.deck.updateMany({
    where: { id: { in: ["alice-trashed", "shared-trashed"] } },
    data: { deletedAt: dayAgo },
  });

  const ago = (hours: number) => new Date(now.getTime() - hours * hour);
  // Alice's progress: due now on both decks, one review in three days, two grades today.
  await putState(prisma, decks.shared[0]!, { state: 2, due: ago(1), userId: alice });
  await putState(prisma, decks.shared[1]!, { state: 1, due: ago(0.2), userId: alice });
  await putState(prisma, decks.alicePrivate[0]!, { state: 2, due: ago(1), userId: alice });
  await putState(prisma, decks.alicePrivate[1]!, { state: 2, due: ago(-72), userId: alice });
  await putReview(prisma, decks.shared[0]!, ago(1), alice);
  await putReview(prisma, decks.alicePrivate[0]!, ago(2), alice);
  await putReview(prisma, decks.aliceTrashed[0]!, ago(72), alice);
  return decks;
}
