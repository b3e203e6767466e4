/**
 * .apkg -> a deck, through the same door as every markdown file: the notes become a markdown
 * document in the explicit card syntax, which `importDeckSource` stores (and which the deck page can
 * show, edit and export); then the review history, replayed into FSRS states, is attached to the
 * cards by key, and the media files are moved into `<mediaDir>/<deck-slug>/`.
 *
 * The package is checked and converted before anything is written. The history is matched to the
 * stored cards by the lines of each note's paragraph, replayed, and written in one transaction
 * after the deck's; should it fail, a deck this import created is deleted again (its
 * cards go with it) and staged media are removed, so nothing is left half-imported.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { toSlug } from "@/app/lib/cards/deck-meta";
import type { Db } from "@/app/lib/database/client";
import { writeExplicitMarkdown } from "@/app/lib/export/explicit-markdown";
import { ImportError, importDeckSource, toSourcePath, type ImportResult } from "@/app/lib/import";
import { chooseSlug, findDeckForSource } from "@/app/lib/import/deck-identity";
import type { AnkiRevlog } from "./collection-types";
import { commonDeckPath, convertCollection, type ConvertedNote } from "./convert-collection";
import { AnkiPackageError } from "./errors";
import { defaultMediaDir, mediaUrl, safeMediaName } from "./media-path";
import { readPackage } from "./read-package";
import { replayRevlog, type ReplayedHistory } from "./replay-revlog";
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
  /** The learner who gets the review history; defaults to "local". */
  userId?: string;
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

function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.(apkg|colpkg)$/i, "");
}

/** Pairs each Anki card of each note with the parsed card the note's paragraph yielded. */
function cardKeys(
  notes: ConvertedNote[],
  noteLines: { start: number; end: number }[],
  parsed: { line: number; key: string }[],
  notices: string[],
) {
  const keys = new Map<number, string>();
  let cursor = 0;
  notes.forEach((note, index) => {
    const { start, end } = noteLines[index]!;
    while (cursor < parsed.length && parsed[cursor]!.line < start) cursor++;
    const own: string[] = [];
    while (cursor < parsed.length && parsed[cursor]!.line <= end) own.push(parsed[cursor++]!.key);
    if (own.length !== note.cards.length) {
      notices.push(
        `Note ${note.noteId} gave ${own.length} cards here but has ${note.cards.length} in Anki; its history was not imported`,
      );
      return;
    }
    note.cards.forEach((card, i) => keys.set(card.id, own[i]!));
  });
  return keys;
}

/** Each card's Anki review history, replayed into FSRS, by the key of the card it became. */
function replayHistories(keys: Map<number, string>, revlog: readonly AnkiRevlog[]) {
  const revlogByCard = new Map<number, AnkiRevlog[]>();
  for (const entry of revlog) {
    const list = revlogByCard.get(entry.cardId);
    if (list) list.push(entry);
    else revlogByCard.set(entry.cardId, [entry]);
  }
  const histories = new Map<string, { ankiCardId: number; history: ReplayedHistory }>();
  for (const [ankiCardId, key] of keys) {
    const entries = revlogByCard.get(ankiCardId);
    if (!entries?.length || histories.has(key)) continue;
    const history = replayRevlog(entries);
    if (history.reviews.length) histories.set(key, { ankiCardId, history });
  }
  return histories;
}

/** Imports an .apkg's bytes. Throws an {@link AnkiPackageError} (or ImportError) before writing anything when the package is refused. */
export async function importApkg(
  prisma: Db,
  bytes: Uint8Array,
  options: ApkgImportOptions,
): Promise<ApkgImportResult> {
  const now = options.now ?? new Date();
  const userId = options.userId ?? "local";
  const mediaDir = options.mediaDir ?? defaultMediaDir;
  const sourcePath = options.sourcePath ?? `anki:${options.fileName}`;
  const pkg = readPackage(bytes, options.limits);

  const common = commonDeckPath(pkg.collection).join(" / ");
  const title = common && common !== "Default" ? common : baseName(options.fileName);
  const wanted = toSlug(title);
  const stored = await findDeckForSource(prisma, sourcePath, wanted);
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
  const staging = path.join(mediaDir, `.incoming-${randomUUID()}`);
  const usedMedia = [...mediaNames].filter(([, safe]) => markdown.includes(mediaUrl(slug, safe)));
  let result: ImportResult | undefined;
  try {
    if (usedMedia.length) {
      await mkdir(staging, { recursive: true });
      for (const [name, safe] of usedMedia) await writeFile(path.join(staging, safe), pkg.media.get(name)!);
    }
    result = await importDeckSource(
      prisma,
      { bytes: markdown, sourcePath, fileName: options.fileName },
      { now },
    );
    if (result.deck.slug !== slug) {
      throw new AnkiPackageError(
        `The deck slug changed while importing ("${slug}" became "${result.deck.slug}"); try again.`,
      );
    }
    // The cards as stored, in file order: each note's paragraph lines name its cards' keys.
    const stored = await prisma.card.findMany({
      where: { deckId: result.deck.id, retiredAt: null },
      select: { key: true, line: true },
      orderBy: { position: "asc" },
    });
    const keys = cardKeys(conversion.notes, noteLines, stored, notices);
    const histories = replayHistories(keys, pkg.collection.revlog);
    const history = await writeHistory(prisma, { deckId: result.deck.id, userId, histories });
    if (usedMedia.length) {
      const target = path.join(mediaDir, slug);
      await mkdir(target, { recursive: true });
      for (const [, safe] of usedMedia) await rename(path.join(staging, safe), path.join(target, safe));
    }
    return {
      ...result,
      unknownNotes: conversion.unknown,
      media: { written: usedMedia.length, missing: pkg.missingMedia },
      history,
      notices,
    };
  } catch (error) {
    if (result?.status === "created")
      await prisma.deck.delete({ where: { id: result.deck.id } }).catch(() => undefined);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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
  options: Partial<ApkgImportOptions> & { root?: string } = {},
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
