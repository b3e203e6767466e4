/**
 * Writing a learner's study settings and a deck's overrides, with the Prisma client passed in so tests
 * run against real databases. Input is already validated (app/lib/settings schemas).
 */
import type { Db } from "@/app/lib/database/client";
import { defaultLearnerSettings, type DeckOverrides, type LearnerSettingsInput } from "@/app/lib/settings";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { ensureUser } from "./grading";

/** Stores the learner's settings (the optimizer's FSRS parameters are left as they are). */
export async function saveLearnerSettingsWith(prisma: Db, userId: string, input: LearnerSettingsInput) {
  await ensureUser(prisma, userId);
  await prisma.learnerSettings.upsert({
    where: { userId },
    create: { userId, ...input },
    update: input,
  });
}

/**
 * Stores the time zone the learner's browser reports, the first time the settings are shown: only
 * when they have never been saved, so a zone the learner chose is never overwritten.
 */
export async function adoptTimeZoneWith(prisma: Db, userId: string, timeZone: string): Promise<boolean> {
  await ensureUser(prisma, userId);
  try {
    const existing = await prisma.learnerSettings.findUnique({ where: { userId }, select: { userId: true } });
    if (existing) return false;
    const { fsrsParameters: _unused, ...defaults } = defaultLearnerSettings;
    await prisma.learnerSettings.create({ data: { userId, ...defaults, timeZone } });
    return true;
  } catch (error) {
    // Two tabs at once: the other one stored it.
    if (/unique constraint/i.test(String(error)) || (error as { code?: string }).code === "P2002")
      return false;
    throw error;
  }
}

/**
 * Stores a deck's overrides (null = inherit); the deck's quiz settings are left as they are. Returns
 * false, writing nothing, when the learner cannot see the deck (checked in the same transaction).
 */
export async function saveDeckOverridesWith(
  prisma: Db,
  userId: string,
  deckId: string,
  overrides: DeckOverrides,
): Promise<boolean> {
  await ensureUser(prisma, userId);
  return prisma.$transaction(async (tx) => {
    const deck = await tx.deck.findFirst({
      where: { id: deckId, ...visibleDeckWhere(userId) },
      select: { id: true },
    });
    if (!deck) return false;
    await tx.deckSettings.upsert({
      where: { userId_deckId: { userId, deckId } },
      create: { userId, deckId, ...overrides },
      update: overrides,
    });
    return true;
  });
}
