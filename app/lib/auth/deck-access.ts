/**
 * Which decks a learner may see and change. A deck from the notes folder (ownerId null) is shared by
 * every learner on the instance; a deck added in the browser or imported from Anki belongs to one.
 * Pure: takes the viewer's id and whether accounts are on, so reads, actions and tests share it.
 */
export interface DeckOwnership {
  ownerId: string | null;
}

export interface DeckAccessor {
  userId: string;
  accounts: boolean;
}

/** Prisma `where` clause for the decks `userId` can see. */
export function visibleDeckWhere(userId: string) {
  return { OR: [{ ownerId: null }, { ownerId: userId }] };
}

export function canSeeDeck(deck: DeckOwnership, userId: string): boolean {
  return deck.ownerId === null || deck.ownerId === userId;
}

/**
 * Rename, edit, delete and restore: the owner's own decks; a shared deck only in single-user mode,
 * where the one learner also owns the notes folder.
 */
export function canManageDeck(deck: DeckOwnership, accessor: DeckAccessor): boolean {
  if (deck.ownerId === null) return !accessor.accounts;
  return deck.ownerId === accessor.userId;
}

/**
 * Prisma `where` clause for the decks `accessor` may manage ({@link canManageDeck} as a query), so a
 * write can carry the check in its own statement instead of checking first.
 */
export function manageableDeckWhere(accessor: DeckAccessor) {
  return accessor.accounts ? { ownerId: accessor.userId } : visibleDeckWhere(accessor.userId);
}
