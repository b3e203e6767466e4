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

/** The deck a file was imported into before, found by its path. */
export function findDeckBySource(tx: Tx, sourcePath: string): Promise<StoredDeck | null> {
  return tx.deck.findFirst({
    where: { sourcePath },
    select: storedDeckSelect,
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The deck a file belongs to: the one imported from the same path, else one with the same slug that
 * no file owns (created before paths were recorded) or whose file is gone (`sourceGone`: the file
 * was moved). A slug owned by another existing file is a collision, not an identity: the file then
 * gets a deck of its own.
 */
export async function findDeckForSource(
  tx: Tx,
  sourcePath: string,
  slug: string,
  sourceGone: (sourcePath: string) => boolean = () => false,
): Promise<StoredDeck | null> {
  const bySource = await findDeckBySource(tx, sourcePath);
  if (bySource) return bySource;
  const bySlug = await tx.deck.findUnique({ where: { slug }, select: storedDeckSelect });
  if (!bySlug) return null;
  return bySlug.sourcePath === null || sourceGone(bySlug.sourcePath) ? bySlug : null;
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
