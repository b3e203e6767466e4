/**
 * The backup file format, version 1: one learner's complete data as JSON.
 *
 * ```json
 * { "format": "notecards-backup", "version": 1, "createdAt": "2026-11-25T06:00:00.000Z",
 *   "user": { "id": "local", "name": "Local learner", "createdAt": "..." },
 *   "decks": [...], "cards": [...], "cardStates": [...], "reviewLogs": [...],
 *   "learnerSettings": [...], "deckSettings": [...], "cardMarks": [...] }
 * ```
 *
 * The last three arrays (study settings, per-deck options, card marks such as leech and suspended)
 * came later: a backup without them is still version 1 and restores with the defaults.
 *
 * Rows keep their database ids and every column, dates as ISO 8601 strings (millisecond precision,
 * which both SQLite and PostgreSQL store), so a restore reproduces the database exactly.
 *
 * A backup holds one learner's data only: their progress, settings and marks, their own decks, and
 * the shared (notes-folder) decks they can study, never another learner's rows.
 */
import { z } from "zod";

export const backupFormat = "notecards-backup";
export const backupVersion = 1;

const isoDate = z.iso.datetime({ offset: true });
const int = z.number().int();

export const backupUserSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: isoDate,
  // Restored as it was, so backup -> restore -> backup is equal; absent from older backups.
  updatedAt: isoDate.nullable().default(null),
});

export const backupDeckSchema = z.object({
  id: z.string().min(1),
  slug: z.string().min(1),
  title: z.string(),
  description: z.string().nullable(),
  tags: z.string(),
  sourcePath: z.string().nullable(),
  sourceHash: z.string().nullable(),
  source: z.string().nullable(),
  lastError: z.string().nullable(),
  // In the trash / file gone; absent from backups made before decks could be deleted.
  deletedAt: isoDate.nullable().default(null),
  missingAt: isoDate.nullable().default(null),
  // Whose deck: null for the notes folder's (shared); absent from backups made before accounts, where
  // a browser: or anki: source was the learner's own (restore-plan.ts).
  ownerId: z.string().min(1).nullable().optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const backupCardSchema = z.object({
  id: z.string().min(1),
  deckId: z.string().min(1),
  key: z.string(),
  kind: z.enum(["basic", "reversed", "cloze"]),
  front: z.string(),
  back: z.string(),
  context: z.string(),
  line: int,
  position: int,
  retiredAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const fsrsFields = {
  due: isoDate,
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: int,
  scheduled_days: int,
  learning_steps: int,
  state: int.min(0).max(3),
};

export const backupCardStateSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  cardId: z.string().min(1),
  ...fsrsFields,
  reps: int,
  lapses: int,
  last_review: isoDate.nullable(),
  version: int,
  updatedAt: isoDate,
});

export const backupReviewLogSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  cardId: z.string().min(1),
  rating: int.min(0).max(4),
  ...fsrsFields,
  last_elapsed_days: int,
  review: isoDate,
  durationMs: int.nullable(),
  createdAt: isoDate,
});

export const backupLearnerSettingsSchema = z.object({
  userId: z.string().min(1),
  newPerDay: int,
  maxReviewsPerDay: int,
  desiredRetention: z.number(),
  learningSteps: z.string(),
  relearningSteps: z.string(),
  dayStartHour: int,
  timeZone: z.string(),
  burySiblings: z.boolean(),
  leechThreshold: int,
  fsrsParameters: z.string().nullable(),
  updatedAt: isoDate,
});

export const backupDeckSettingsSchema = z.object({
  userId: z.string().min(1),
  deckId: z.string().min(1),
  newPerDay: int.nullable(),
  maxReviewsPerDay: int.nullable(),
  desiredRetention: z.number().nullable(),
  learningSteps: z.string().nullable(),
  relearningSteps: z.string().nullable(),
  quizMode: z.string().nullable(),
  studyReversed: z.boolean().nullable(),
  updatedAt: isoDate,
});

export const backupCardMarkSchema = z.object({
  userId: z.string().min(1),
  cardId: z.string().min(1),
  buriedUntil: isoDate.nullable(),
  suspendedAt: isoDate.nullable(),
  flag: int.min(0).max(4),
  leechAt: isoDate.nullable(),
  updatedAt: isoDate,
});

export const backupSchema = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupVersion),
  createdAt: isoDate,
  user: backupUserSchema,
  decks: z.array(backupDeckSchema),
  cards: z.array(backupCardSchema),
  cardStates: z.array(backupCardStateSchema),
  reviewLogs: z.array(backupReviewLogSchema),
  learnerSettings: z.array(backupLearnerSettingsSchema).max(1).default([]),
  deckSettings: z.array(backupDeckSettingsSchema).default([]),
  cardMarks: z.array(backupCardMarkSchema).default([]),
});

export type Backup = z.infer<typeof backupSchema>;

/** A backup that cannot be made or restored; the message says why and can be shown as is. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
  }
}
