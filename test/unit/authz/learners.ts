/**
 * Two learners on one instance, for the authorization tests: A with a private deck (added in the
 * browser) and progress on it and on a shared notes-folder deck; B with progress on the shared deck
 * only. `snapshotOf` reads every row of a learner's, so a test can show a refused write changed none.
 */
import { randomUUID } from "node:crypto";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { markCardWith } from "@/app/lib/actions/marking";
import { saveDeckOverridesWith } from "@/app/lib/actions/study-settings";
import { addBrowserDeck } from "@/app/lib/browser-decks/save-browser-deck";
import type { Db } from "@/app/lib/database/client";
import { importDeckSource } from "@/app/lib/import";
import { noOverrides } from "@/app/lib/settings";

export const a = { userId: "learner-a", accounts: true } as const;
export const b = { userId: "learner-b", accounts: true } as const;
export const now = new Date("2026-06-01T10:00:00.000Z");

export const sharedMarkdown = "# Shared\n\n- What is water?\n  H2O\n- What is salt?\n  NaCl\n";
export const privateMarkdown =
  "# Alpha private\n\n- What is alpha?\n  The first\n- What is beta?\n  The second\n";

export interface TwoLearners {
  sharedDeckId: string;
  sharedCardIds: string[];
  privateDeckId: string;
  privateSlug: string;
  privateCardIds: string[];
  /** A's grade of the shared deck's first card, and B's state version on that card. */
  aSharedGradeId: string;
  aPrivateGradeId: string;
}

async function cardIds(prisma: Db, deckId: string): Promise<string[]> {
  const cards = await prisma.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
  return cards.map((card) => card.id);
}

const grade = (prisma: Db, userId: string, cardId: string, gradeId = randomUUID()) =>
  gradeCardWith(prisma, { gradeId, cardId, rating: 3, expectedVersion: 0 }, now, {
    userId,
    enableFuzz: false,
  });

/** Creates both accounts and their data (see the module comment). */
export async function seedTwoLearners(prisma: Db): Promise<TwoLearners> {
  for (const learner of [a, b])
    await prisma.user.create({
      data: { id: learner.userId, name: learner.userId, email: `${learner.userId}@example.com` },
    });
  const shared = await importDeckSource(
    prisma,
    { bytes: sharedMarkdown, sourcePath: "content/shared.md", fileName: "shared.md", ownerId: null },
    { now },
  );
  const added = await addBrowserDeck(prisma, { markdown: privateMarkdown }, now, a.userId);
  const privateDeck = await prisma.deck.findUniqueOrThrow({ where: { slug: added.slug } });
  const sharedCardIds = await cardIds(prisma, shared.deck.id);
  const privateCardIds = await cardIds(prisma, privateDeck.id);
  const aSharedGradeId = randomUUID();
  const aPrivateGradeId = randomUUID();
  await grade(prisma, a.userId, sharedCardIds[0]!, aSharedGradeId);
  await grade(prisma, a.userId, privateCardIds[0]!, aPrivateGradeId);
  await grade(prisma, b.userId, sharedCardIds[0]!);
  await markCardWith(prisma, { cardId: privateCardIds[1]!, action: "suspend" }, now, a);
  await saveDeckOverridesWith(prisma, a.userId, privateDeck.id, { ...noOverrides, newPerDay: 7 });
  return {
    sharedDeckId: shared.deck.id,
    sharedCardIds,
    privateDeckId: privateDeck.id,
    privateSlug: privateDeck.slug,
    privateCardIds,
    aSharedGradeId,
    aPrivateGradeId,
  };
}

/** Every row that is `userId`'s: their decks with cards, states, logs, marks, settings. */
export async function snapshotOf(prisma: Db, userId: string) {
  const [decks, cardStates, reviewLogs, cardMarks, deckSettings, learnerSettings] = await Promise.all([
    prisma.deck.findMany({ where: { ownerId: userId }, include: { cards: true }, orderBy: { id: "asc" } }),
    prisma.cardState.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    prisma.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    prisma.cardMark.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
    prisma.deckSettings.findMany({ where: { userId }, orderBy: { deckId: "asc" } }),
    prisma.learnerSettings.findMany({ where: { userId } }),
  ]);
  return { decks, cardStates, reviewLogs, cardMarks, deckSettings, learnerSettings };
}
