/**
 * .apkg -> a deck, through the same door as every markdown file: the notes become a markdown
 * document in the explicit card syntax, which is stored as a deck (and which the deck page can
 * show, edit and export); the review history, replayed into FSRS states, is attached to the cards
 * by key, and the media files go to `<mediaDir>/<deck-slug>/`.
 *
 * All or nothing: the package is read, converted, parsed and its history replayed before anything
 * is written; then the deck, its cards, their states and review logs are written in one
 * transaction. The media are staged beside the deck's folder and moved into place only once that
 * transaction has committed (media-staging.ts), so a crash at any point leaves the old deck or the
 * new one, and the next start finishes or discards what the crash left staged.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { toSlug } from "@/app/lib/cards/deck-meta";
import type { Db } from "@/app/lib/database/client";
import { writeExplicitMarkdown } from "@/app/lib/export/explicit-markdown";
import {
  decodeMarkdown,
  ImportError,
  parseSource,
  sourceHash,
  toSourcePath,
  unchangedImport,
  writeParsedSource,
  type ImportResult,
} from "@/app/lib/import";
import { chooseSlug, findDeckForSource } from "@/app/lib/import/deck-identity";
import { commonDeckPath, convertCollection } from "./convert-collection";
import { AnkiPackageError } from "./errors";
import { matchHistories, replayByAnkiCard } from "./match-history";
import { defaultMediaDir, mediaUrl, safeMediaName } from "./media-path";
import { recoverStagedMedia, stageMedia } from "./media-staging";
import { readPackage } from "./read-package";
import { writeHistory } from "./write-history";
import type { ZipLimits } from "./zip-reader";

export interface ApkgImportOptions {
  /** The upload's file name, e.g. `Spanish.apkg`: names the deck when Anki's deck is "Default". */
  fileName: string;
  /** The deck's identity across imports; defaults to `anki:<fileName>`. */
  sourcePath?: string;
  now?: Date;
  /** Where media files go (`<mediaDir>/<deck-slug>/<file>`); defaults to `data/media`. */
  mediaDir?: string;
  /** The learner who imports: the deck is theirs alone, and so is the review history. */
  userId: string;
  limits?: ZipLimits;
}

export interface ApkgImportResult extends ImportResult {
  /** Notes of note types this app has no equivalent for: not imported, counted and named. */
  unknownNotes: { count: number; noteTypes: string[] };
  media: { written: number; missing: string[] };
  /** Cards that got an FSRS state from their Anki history, and the reviews replayed. Cards that
   *  already had a state here (a re-import) keep theirs. */
  history: { cards: number; reviews: number; kept: number };
  /** Conversion notes (skipped notes, dropped fields) in addition to the parser's `warnings`. */
  notices: string[];
}

// Cards, states and logs of a large package (20,000 cards, 100,000 reviews) in one transaction.
const transactionOptions = { maxWait: 10_000, timeout: 300_000 } as const;

function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.(apkg|colpkg)$/i, "");
}

/** Imports an .apkg's bytes. Throws an {@link AnkiPackageError} (or ImportError) before writing anything when the package is refused. */
export async function importApkg(
  prisma: Db,
  bytes: Uint8Array,
  options: ApkgImportOptions,
): Promise<ApkgImportResult> {
  const now = options.now ?? new Date();
  const { userId } = options;
  const mediaDir = options.mediaDir ?? defaultMediaDir;
  const sourcePath = options.sourcePath ?? `anki:${options.fileName}`;
  // An import killed before finishing left its media staged: settle that first.
  await recoverStagedMedia(prisma, mediaDir);
  const pkg = readPackage(bytes, options.limits);

  const common = commonDeckPath(pkg.collection).join(" / ");
  const title = common && common !== "Default" ? common : baseName(options.fileName);
  const wanted = toSlug(title);
  // Scoped by owner: another learner's package of the same file name is another deck.
  const stored = await findDeckForSource(prisma, sourcePath, userId, wanted);
  const slug = await chooseSlug(prisma, wanted, stored?.id ?? null);

  const mediaNames = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of pkg.media.keys()) {
    let safe = safeMediaName(name);
    for (let n = 2; taken.has(safe); n++) safe = `${n}-${safeMediaName(name)}`;
    taken.add(safe);
    mediaNames.set(name, safe);
  }
  const conversion = convertCollection(pkg.collection, (name) => {
    const safe = mediaNames.get(name);
    return safe ? mediaUrl(slug, safe) : null;
  });
  if (conversion.notes.length === 0) {
    const types = conversion.unknown.noteTypes.length
      ? ` (found only: ${conversion.unknown.noteTypes.join(", ")})`
      : "";
    throw new AnkiPackageError(
      `The package has no Basic, Basic-and-reversed or Cloze notes to import${types}.`,
    );
  }
  const { markdown, noteLines } = writeExplicitMarkdown({
    title,
    slug,
    notes: conversion.notes.map((note) => note.markdown),
  });
  const notices = [...conversion.warnings];
  if (conversion.unknown.count) {
    notices.push(
      `${conversion.unknown.count} notes of unsupported note types were not imported: ${conversion.unknown.noteTypes.join(", ")}`,
    );
  }

  const source = { bytes: markdown, sourcePath, fileName: options.fileName, ownerId: userId };
  const text = decodeMarkdown(markdown, sourcePath);
  const hash = sourceHash(text, options.fileName);
  const unchanged = (await unchangedImport(prisma, sourcePath, userId, hash)) !== null;
  const parsed = unchanged ? null : parseSource(text, sourcePath, options.fileName);
  const replayed = replayByAnkiCard(pkg.collection.revlog);
  const usedMedia = [...mediaNames].filter(([, safe]) => markdown.includes(mediaUrl(slug, safe)));
  const staged = await stageMedia(
    mediaDir,
    { sourcePath, ownerId: userId, sourceHash: hash, slug },
    usedMedia.map(([name, safe]) => [safe, pkg.media.get(name)!]),
  );

  let written: { result: ImportResult; history: ApkgImportResult["history"] };
  try {
    written = await prisma.$transaction(async (tx) => {
      const result = parsed
        ? await writeParsedSource(tx, { source, text, hash, parsed }, { now })
        : await unchangedImport(tx, sourcePath, userId, hash);
      if (!result) throw new AnkiPackageError("The deck changed while importing; try again.");
      if (result.deck.slug !== slug) {
        throw new AnkiPackageError(
          `The deck slug changed while importing ("${slug}" became "${result.deck.slug}"); try again.`,
        );
      }
      // The cards as stored, in file order: each note's paragraph lines name its cards.
      const cards = await tx.card.findMany({
        where: { deckId: result.deck.id, retiredAt: null },
        select: { id: true, line: true },
        orderBy: { position: "asc" },
      });
      const histories = matchHistories(conversion.notes, noteLines, cards, replayed, notices);
      const history = await writeHistory(tx, { deckId: result.deck.id, userId, histories });
      return { result, history };
    }, transactionOptions);
  } catch (error) {
    await staged?.discard();
    throw error;
  }
  // Committed: a failure from here on leaves the staged media for the next start to move.
  await staged?.publish();
  return {
    ...written.result,
    unknownNotes: conversion.unknown,
    media: { written: usedMedia.length, missing: pkg.missingMedia },
    history: written.history,
    notices,
  };
}

/**
 * Reads and imports an .apkg file (the CLI's `cards import deck.apkg`). Refusals come back as an
 * ImportError naming the file, like any other file the import command reads, and the conversion
 * notices (unknown note types, ...) are also added to `warnings` (line 0) for callers that only
 * print those.
 */
export async function importApkgFile(
  prisma: Db,
  file: string,
  options: Partial<ApkgImportOptions> & { root?: string; userId: string },
): Promise<ApkgImportResult> {
  const { root, ...rest } = options;
  const shown = toSourcePath(file, root);
  try {
    const bytes = await readFile(file).catch((cause: NodeJS.ErrnoException) => {
      throw new ImportError(shown, `cannot be read (${cause.code ?? "error"})`, { cause });
    });
    const result = await importApkg(prisma, bytes, { fileName: path.basename(file), ...rest });
    return {
      ...result,
      warnings: [...result.warnings, ...result.notices.map((message) => ({ line: 0, message }))],
    };
  } catch (error) {
    if (error instanceof AnkiPackageError) throw new ImportError(shown, error.message, { cause: error });
    throw error;
  }
}
