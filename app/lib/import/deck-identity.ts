import type { Prisma } from "@/app/lib/generated/sqlite/client";

type Tx = Prisma.TransactionClient;

/** The deck row fields the importer needs to decide what to do. */
export interface StoredDeck {
  id: string;
  slug: string;
  sourcePath: string | null;
  sourceHash: string | null;
  lastError: string | null;
  missingAt: Date | null;
}

const storedDeckSelect = {
  id: true,
  slug: true,
  sourcePath: true,
  sourceHash: true,
  lastError: true,
  missingAt: true,
} as const;

/**
 * Whose decks an import deals with: null for the notes folder (shared decks), else the learner who
 * adds or imports the deck. A source's identity is its path *within one owner*, so learner B
 * importing "Spanish.apkg" never finds (and overwrites) learner A's `anki:Spanish.apkg`, and the
 * notes folder never touches a learner's private deck.
 */
export type DeckOwner = string | null;

/** The deck an owner's file was imported into before, found by its path. */
export function findDeckBySource(tx: Tx, sourcePath: string, ownerId: DeckOwner): Promise<StoredDeck | null> {
  return tx.deck.findFirst({
    where: { sourcePath, ownerId },
    select: storedDeckSelect,
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The deck a file belongs to: the one the same owner imported from the same path, else that owner's
 * deck with the same slug that no file owns (created before paths were recorded) or whose file is
 * gone (`sourceGone`: the file was moved). A slug held by another file, or by another owner, is a
 * collision, not an identity: the file then gets a deck of its own (and a suffixed slug).
 */
export async function findDeckForSource(
  tx: Tx,
  sourcePath: string,
  ownerId: DeckOwner,
  slug: string,
  sourceGone: (sourcePath: string) => boolean = () => false,
): Promise<StoredDeck | null> {
  const bySource = await findDeckBySource(tx, sourcePath, ownerId);
  if (bySource) return bySource;
  const bySlug = await tx.deck.findUnique({
    where: { slug },
    select: { ...storedDeckSelect, ownerId: true },
  });
  if (!bySlug || bySlug.ownerId !== ownerId) return null;
  const { ownerId: _owner, ...stored } = bySlug;
  return stored.sourcePath === null || sourceGone(stored.sourcePath) ? stored : null;
}

/**
 * `wanted`, or `wanted-2`, `wanted-3`, ... : the first slug no deck other than `deckId` uses. A deck
 * that already holds a suffixed slug keeps it, so its URL stays stable across imports.
 */
export async function chooseSlug(tx: Tx, wanted: string, deckId: string | null): Promise<string> {
  const taken = await tx.deck.findMany({
    where: { OR: [{ slug: wanted }, { slug: { startsWith: `${wanted}-` } }] },
    select: { id: true, slug: true },
  });
  const owner = new Map(taken.map((deck) => [deck.slug, deck.id]));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    const holder = owner.get(candidate);
    if (holder === undefined || holder === deckId) return candidate;
  }
}
