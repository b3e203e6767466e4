/** How long a deleted deck waits in the trash, restorable, before it is purged for good. */
export const trashRetentionDays = 30;

const dayMs = 24 * 60 * 60 * 1000;

/** When a deck deleted at `deletedAt` is purged. */
export function trashExpiresAt(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + trashRetentionDays * dayMs);
}

/** Decks deleted before this instant have been in the trash longer than the retention: purge them. */
export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - trashRetentionDays * dayMs);
}
