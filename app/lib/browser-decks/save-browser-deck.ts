import type { ParseWarning } from "@/app/lib/cards/types";
import type { Db } from "@/app/lib/database/client";
import { canManageDeck, canSeeDeck, type DeckAccessor } from "@/app/lib/auth/deck-access";
import { importDeckSource, ImportError, parseTextOffThread } from "@/app/lib/import";
import { parseTimeLimitMs } from "@/app/lib/import/parse-off-thread";
import { browserFileName, browserSourcePath, isBrowserSource } from "./browser-source";

export interface SavedDeck {
  slug: string;
  title: string;
  warnings: ParseWarning[];
}

/** Why a browser edit was refused before any import was tried. */
export class BrowserDeckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BrowserDeckError";
  }
}

/** The same error naming what the learner knows (their file, "pasted text") instead of `browser:...`. */
function relabel(error: unknown, label: string): unknown {
  if (!(error instanceof ImportError)) return error;
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  const bare = error.message.startsWith(`${where}: `) ? error.message.slice(where.length + 2) : error.message;
  return new ImportError(label, bare, { line: error.line, cause: error });
}

/** `browser:<slug>`, or `browser:<slug>-2`, ... when another browser deck already has that one. */
async function freeSourcePath(prisma: Db, slug: string): Promise<string> {
  const taken = new Set(
    (
      await prisma.deck.findMany({
        where: { sourcePath: { startsWith: browserSourcePath(slug) } },
        select: { sourcePath: true },
      })
    ).map((deck) => deck.sourcePath),
  );
  for (let n = 1; ; n++) {
    const candidate = browserSourcePath(n === 1 ? slug : `${slug}-${n}`);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Stores markdown pasted or uploaded in the browser as a new deck, through the same import as
 * `cards import`. `fileName` is the uploaded file's name (absent for pasted text); it only names the
 * deck when the markdown has no title. The deck is `ownerId`'s alone. Throws an {@link ImportError}
 * (nothing stored) when the markdown cannot become a deck.
 */
export async function addBrowserDeck(
  prisma: Db,
  input: { markdown: string; fileName?: string },
  now: Date,
  ownerId: string,
): Promise<SavedDeck> {
  const label = input.fileName ?? "pasted text";
  const { slug } = await parseTextOffThread(input.markdown, label, input.fileName ?? "");
  const sourcePath = await freeSourcePath(prisma, slug);
  const result = await importDeckSource(
    prisma,
    // The identity of this deck from now on is sourcePath; it also names the file to the parser.
    { bytes: input.markdown, sourcePath, fileName: browserFileName(sourcePath), ownerId },
    { now, parseTimeLimitMs },
  ).catch((error: unknown) => {
    throw relabel(error, label);
  });
  return { slug: result.deck.slug, title: result.deck.title, warnings: result.warnings };
}

/**
 * Re-imports a browser deck from edited markdown: the same identity rules as a file edited on disk
 * (a card whose question stays keeps its progress; removed cards retire). Decks that come from a
 * file are refused: their file is the source of truth. So is a deck `accessor` may not manage, and
 * another learner's private deck is answered as if there were none (its existence does not leak).
 */
export async function updateBrowserDeck(
  prisma: Db,
  input: { slug: string; markdown: string },
  now: Date,
  accessor: DeckAccessor,
): Promise<SavedDeck> {
  const deck = await findManageableBrowserDeck(prisma, input.slug, accessor, "edit that file instead");
  const result = await importDeckSource(
    prisma,
    {
      bytes: input.markdown,
      sourcePath: deck.sourcePath,
      fileName: browserFileName(deck.sourcePath),
      // Ownership never changes, so the deck found here is the one the import writes.
      ownerId: deck.ownerId,
    },
    { now, parseTimeLimitMs },
  ).catch((error: unknown) => {
    throw relabel(error, "your markdown");
  });
  return { slug: result.deck.slug, title: result.deck.title, warnings: result.warnings };
}

/**
 * The browser deck `slug` names, when `accessor` may change it; else a {@link BrowserDeckError}: no
 * such deck (or one they cannot see), a deck from a file (`fileAdvice` says what to do), or a deck
 * that is not theirs to change.
 */
export async function findManageableBrowserDeck(
  prisma: Db,
  slug: string,
  accessor: DeckAccessor,
  fileAdvice: string,
): Promise<{ sourcePath: string; ownerId: string | null; source: string | null; title: string }> {
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: { sourcePath: true, ownerId: true, source: true, title: true },
  });
  if (!deck || !canSeeDeck(deck, accessor.userId)) throw new BrowserDeckError(`There is no deck "${slug}".`);
  if (!deck.sourcePath || !isBrowserSource(deck.sourcePath))
    throw new BrowserDeckError(`"${deck.title}" comes from ${deck.sourcePath ?? "a file"}: ${fileAdvice}.`);
  if (!canManageDeck(deck, accessor)) throw new BrowserDeckError(`"${deck.title}" is not yours to change.`);
  return { ...deck, sourcePath: deck.sourcePath };
}
