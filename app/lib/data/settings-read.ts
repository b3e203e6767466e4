/**
 * A learner's study settings and a deck's overrides, read from LearnerSettings / DeckSettings rows and
 * reshaped into the settings domain's types. A learner with no row has the defaults, in the server's
 * own time zone (the app usually runs on the learner's machine) until they save their own.
 */
import type { Db } from "@/app/lib/database/client";
import {
  defaultLearnerSettings,
  isValidTimeZone,
  noOverrides,
  parseFsrsParameters,
  resolveDeckSettings,
  type DeckOverrides,
  type DeckStudySettings,
  type LearnerSettings,
} from "@/app/lib/settings";

type Reader = Pick<Db, "learnerSettings" | "deckSettings">;

export interface StoredLearnerSettings {
  settings: LearnerSettings;
  /** False until the learner first saves (the form then fills in the browser's time zone). */
  stored: boolean;
}

let serverZone: string | undefined;

/**
 * The zone this server runs in, when it is a valid IANA name; else UTC. Read once per process: a
 * new Intl.DateTimeFormat costs about 0.3 ms, and every grade of a learner on default settings
 * asked (bench:load's profile: 2.6% of an instance's CPU).
 */
export function serverTimeZone(): string {
  if (serverZone === undefined) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    serverZone = zone && isValidTimeZone(zone) ? zone : "UTC";
  }
  return serverZone;
}

export interface LearnerRow extends Omit<LearnerSettings, "fsrsParameters"> {
  fsrsParameters: string | null;
}

export function reshapeLearner(row: LearnerRow): LearnerSettings {
  return {
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    desiredRetention: row.desiredRetention,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    dayStartHour: row.dayStartHour,
    timeZone: isValidTimeZone(row.timeZone) ? row.timeZone : "UTC",
    burySiblings: row.burySiblings,
    leechThreshold: row.leechThreshold,
    // Written by the optimizer: anything but 21 finite numbers falls back to the defaults.
    fsrsParameters: parseFsrsParameters(row.fsrsParameters),
  };
}

export function reshapeOverrides(row: DeckOverrides): DeckOverrides {
  return {
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    desiredRetention: row.desiredRetention,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
  };
}

/** A learner's settings row, or the defaults (in the server's zone) when they have none. */
export function learnerSettingsOf(row: LearnerRow | null): StoredLearnerSettings {
  if (!row) return { settings: { ...defaultLearnerSettings, timeZone: serverTimeZone() }, stored: false };
  return { settings: reshapeLearner(row), stored: true };
}

export async function getLearnerSettingsWith(prisma: Reader, userId: string): Promise<StoredLearnerSettings> {
  return learnerSettingsOf(await prisma.learnerSettings.findUnique({ where: { userId } }));
}

export async function getDeckOverridesWith(
  prisma: Reader,
  userId: string,
  deckId: string,
): Promise<DeckOverrides> {
  const row = await prisma.deckSettings.findUnique({ where: { userId_deckId: { userId, deckId } } });
  return row ? reshapeOverrides(row) : noOverrides;
}

/** The overrides of several decks at once (deck list counts), by deck id; decks without a row are absent. */
export async function getDecksOverridesWith(
  prisma: Reader,
  userId: string,
  deckIds: string[],
): Promise<Map<string, DeckOverrides>> {
  if (deckIds.length === 0) return new Map();
  const rows = await prisma.deckSettings.findMany({ where: { userId, deckId: { in: deckIds } } });
  return new Map(rows.map((row) => [row.deckId, reshapeOverrides(row)]));
}

/** The settings one deck is studied with: its overrides over the learner's. */
export async function getDeckStudySettingsWith(
  prisma: Reader,
  userId: string,
  deckId: string,
): Promise<DeckStudySettings> {
  const [learner, overrides] = await Promise.all([
    getLearnerSettingsWith(prisma, userId),
    getDeckOverridesWith(prisma, userId, deckId),
  ]);
  return resolveDeckSettings(learner.settings, overrides);
}

/**
 * The settings one deck is studied with, from rows the caller read itself (a grade reads them in the
 * same statement as the card): null rows are the defaults and no overrides.
 */
export function deckStudySettingsOf(
  learner: LearnerRow | null,
  overrides: DeckOverrides | null,
): DeckStudySettings {
  const settings = learner
    ? reshapeLearner(learner)
    : { ...defaultLearnerSettings, timeZone: serverTimeZone() };
  return resolveDeckSettings(settings, overrides ? reshapeOverrides(overrides) : noOverrides);
}
