import type { ParsedDeck, ParseWarning } from "@/app/lib/cards/types";
import type { Db } from "@/app/lib/database/client";
import { isUniqueViolation } from "@/app/lib/database/errors";
import { isBusyError } from "@/app/lib/actions/busy";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { planDeckCards } from "./card-diff";
import { writeCards } from "./card-writes";
import { decodeMarkdown } from "./decode";
import { chooseSlug, findDeckBySource, findDeckForSource, type DeckOwner } from "./deck-identity";
import { parseSourceOffThread } from "./parse-off-thread";
import { lockDeckSource } from "./source-lock";
import { sourceHash } from "./source-hash";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

/** A file to import: its raw bytes (or text), where it lives, and its name for the parser. */
export interface DeckSource {
  bytes: Uint8Array | string;
  /** Stable identity of the file, e.g. `content/biology/cells.md`; also names it in errors. */
  sourcePath: string;
  /** The file's name, used by the parser when the deck has no title of its own. */
  fileName: string;
  /** Null for a notes-folder file (a shared deck); else the learner whose private deck this is. */
  ownerId: DeckOwner;
}

/** Options of {@link importDeckSource}. */
export interface ImportOptions {
  /** When cards that left the file are marked retired. Defaults to the current time. */
  now?: Date;
  /**
   * True when a deck's recorded file no longer exists. A deck with this file's slug whose file is
   * gone is then taken over (the file was moved), so its cards keep their history.
   */
  sourceGone?: (sourcePath: string) => boolean;
  /** Told how long parsing and storing took, for benchmarks and logs. */
  onTiming?: (timing: { phase: "parse" | "store"; ms: number }) => void;
  /**
   * How long the parse may take (parse-off-thread.ts). A file of the learner's own notes folder
   * gets longer than a note sent from a browser: it is theirs, and it may be up to 2 MB.
   */
  parseTimeLimitMs?: number;
}

const folderParseTimeLimitMs = 5 * 60_000;

/** Cards per outcome: `unchanged` counts live cards left as they were. */
export interface ImportCounts {
  new: number;
  updated: number;
  retired: number;
  unchanged: number;
}

/** What one import did to one deck. */
export interface ImportResult {
  deck: { id: string; slug: string; title: string };
  status: "created" | "updated" | "unchanged";
  counts: ImportCounts;
  warnings: ParseWarning[];
  /** Rows inserted or updated (deck and cards): 0 when the file was unchanged. */
  rowsWritten: number;
}

type Tx = Prisma.TransactionClient;

/** A source decoded, hashed and parsed: what {@link writeParsedSource} stores. */
export interface ParsedSource {
  source: DeckSource;
  text: string;
  /** {@link sourceHash} of the text: the stored deck's `sourceHash` once written. */
  hash: string;
  parsed: ParsedDeck;
}

/** Tries at writing one file: a race lost to another writer is retried, anything else is not. */
const maxAttempts = 3;

// An interactive transaction defaults to 5 s; a first import of a very large deck may need longer.
const transactionOptions = { maxWait: 10_000, timeout: 120_000 } as const;

/**
 * The result of importing a source whose deck already holds exactly this text (same hash, and its
 * last import did not fail), or null when the source has to be parsed and written.
 */
export async function unchangedImport(
  client: Tx,
  sourcePath: string,
  ownerId: DeckOwner,
  hash: string,
): Promise<ImportResult | null> {
  const previous = await findDeckBySource(client, sourcePath, ownerId);
  // A deck whose file had gone is written again, which brings it back (clears missingAt).
  if (!previous || previous.sourceHash !== hash || previous.lastError !== null || previous.missingAt !== null)
    return null;
  const [deck, live] = await Promise.all([
    client.deck.findUniqueOrThrow({
      where: { id: previous.id },
      select: { id: true, slug: true, title: true },
    }),
    client.card.count({ where: { deckId: previous.id, retiredAt: null, ...notReverseCard } }),
  ]);
  return {
    deck,
    status: "unchanged",
    counts: { new: 0, updated: 0, retired: 0, unchanged: live },
    warnings: [],
    rowsWritten: 0,
  };
}

/**
 * Writes a parsed source into its deck inside the caller's transaction, so that a caller (the Anki
 * import) can store more in the same transaction: the deck row is created or updated, new cards
 * created, changed ones updated in place (same id, so review history stays), cards gone from the
 * file retired, never deleted.
 */
export async function writeParsedSource(
  tx: Tx,
  { source, text, hash, parsed }: ParsedSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  await lockDeckSource(tx, source.sourcePath, source.ownerId);
  const stored = await findDeckForSource(
    tx,
    source.sourcePath,
    source.ownerId,
    parsed.slug,
    options.sourceGone,
  );
  const slug = await chooseSlug(tx, parsed.slug, stored?.id ?? null);
  const data = {
    slug,
    title: parsed.title,
    description: parsed.description,
    tags: JSON.stringify(parsed.tags),
    sourcePath: source.sourcePath,
    source: text,
    sourceHash: hash,
    lastError: null,
    // The file is here again; `deletedAt` is left alone, so a deck in the trash stays there.
    missingAt: null,
  };
  const deck = stored
    ? await tx.deck.update({
        where: { id: stored.id },
        data,
        select: { id: true, slug: true, title: true },
      })
    : await tx.deck.create({
        data: { ...data, ownerId: source.ownerId },
        select: { id: true, slug: true, title: true },
      });

  const existing = stored
    ? await tx.card.findMany({
        where: { deckId: deck.id },
        select: {
          id: true,
          key: true,
          kind: true,
          front: true,
          back: true,
          context: true,
          line: true,
          position: true,
          retiredAt: true,
        },
      })
    : [];
  // Counts are the file's cards; rows written include their reverse directions (card-diff.ts).
  const { forward, write } = planDeckCards(parsed.cards, existing);
  const written = await writeCards(tx, deck.id, write, now);
  return {
    deck,
    status: stored ? "updated" : "created",
    counts: {
      new: forward.create.length,
      updated: forward.update.length,
      retired: forward.retire.length,
      unchanged: forward.unchanged,
    },
    warnings: parsed.warnings,
    rowsWritten: 1 + written.created + written.updated + written.retired,
  };
}

/**
 * Imports one markdown file into its deck, all in one transaction (see {@link writeParsedSource}).
 * A file whose text is unchanged since the last import is skipped without parsing or writing.
 * Throws an {@link ImportError} naming the file (and line) when the bytes are not UTF-8 text, the
 * markdown cannot be parsed, or it holds no cards; nothing stored changes then.
 */
export async function importDeckSource(
  prisma: Db,
  source: DeckSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const text = decodeMarkdown(source.bytes, source.sourcePath);
  const hash = sourceHash(text, source.fileName);
  let parsed: ParsedDeck | null = null;
  let storeStarted = 0;
  let result: ImportResult;
  for (let attempt = 1; ; attempt++) {
    const unchanged = await unchangedImport(prisma, source.sourcePath, source.ownerId, hash);
    if (unchanged) return unchanged;
    if (parsed === null) {
      const parseStarted = performance.now();
      parsed = await parseSourceOffThread(
        text,
        source.sourcePath,
        source.fileName,
        options.parseTimeLimitMs ?? folderParseTimeLimitMs,
      );
      storeStarted = performance.now();
      options.onTiming?.({ phase: "parse", ms: storeStarted - parseStarted });
    }
    const deck = parsed;
    try {
      result = await prisma.$transaction(
        (tx) => writeParsedSource(tx, { source, text, hash, parsed: deck }, { ...options, now }),
        transactionOptions,
      );
      break;
    } catch (error) {
      // Another import (of this file, or of one that wants the same slug) wrote first: this one
      // lost on a unique key, or SQLite would not let its read become a write. Once more, it finds
      // what the other wrote.
      if (attempt >= maxAttempts || !(isUniqueViolation(error) || isBusyError(error))) throw error;
    }
  }
  options.onTiming?.({ phase: "store", ms: performance.now() - storeStarted });
  return result;
}
