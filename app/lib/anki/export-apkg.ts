/**
 * A deck -> an .apkg Anki imports: the legacy `collection.anki2` (see write-collection.ts), the
 * `media` list and the media files the cards show. Basic cards become Basic notes, reversed pairs
 * "Basic (and reversed card)" notes, cloze paragraphs Cloze notes (`==x==` highlights renumbered as
 * `{{cN::x}}`); a cloze whose markup cannot be recovered (facts in prose) goes out as Basic notes of
 * its sides. Each card carries its FSRS state as Anki scheduling columns and in `data`, and the
 * learner's review logs become revlog rows (ease = rating, id = review time), which is what the
 * import replays. Context headings become subdecks: `Deck::Heading::Subheading`.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { zipSync } from "fflate";
import { parseDeck } from "@/app/lib/cards";
import type { Db } from "@/app/lib/database/client";
import { groupNotes, loadExportDeck, type ExportCard, type ExportNote } from "@/app/lib/export/deck-notes";
import { ExportError } from "@/app/lib/export/errors";
import { markdownToAnkiHtml } from "./markdown-to-html";
import { defaultMediaDir, resolveMediaPath } from "./media-path";
import {
  writeCollection,
  type CollectionCardSchedule,
  type CollectionNote,
  type CollectionRevlog,
  type ExportModel,
} from "./write-collection";

export interface ApkgExportOptions {
  /** Who exports: only a deck they can see, with their own states and review logs. */
  userId: string;
  mediaDir?: string;
  now?: Date;
}

export interface ApkgExport {
  fileName: string;
  bytes: Uint8Array;
  notes: number;
  cards: number;
  reviews: number;
  media: number;
  warnings: string[];
}

type StateRow = {
  cardId: string;
  due: Date;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
  state: number;
};
type LogRow = {
  cardId: string;
  rating: number;
  state: number;
  due: Date;
  scheduled_days: number;
  review: Date;
  durationMs: number | null;
};

const dayMs = 86_400_000;

function guidOf(deckId: string, key: string): string {
  return createHash("sha1").update(`${deckId}\0${key}`).digest("base64url").slice(0, 10);
}

/** Anki's interval convention: whole days when a day or more, negative seconds for (re)learning steps. */
function ankiInterval(from: Date, to: Date, days: number): number {
  return days > 0 ? days : -Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

function schedule(
  state: StateRow | undefined,
  position: number,
  createdSeconds: number,
): CollectionCardSchedule {
  if (!state || state.state === 0)
    return { type: 0, queue: 0, due: position + 1, ivl: 0, factor: 0, reps: 0, lapses: 0, data: "" };
  const data = JSON.stringify({ s: state.stability, d: state.difficulty });
  const common = { reps: state.reps, lapses: state.lapses, data };
  if (state.state === 2) {
    const due = Math.floor((state.due.getTime() - createdSeconds * 1000) / dayMs);
    return { type: 2, queue: 2, due, ivl: Math.max(1, state.scheduled_days), factor: 2500, ...common };
  }
  const due = Math.floor(state.due.getTime() / 1000);
  return {
    type: state.state === 1 ? 1 : 3,
    queue: 1,
    due,
    ivl: state.state === 3 ? Math.max(1, state.scheduled_days) : 0,
    factor: state.state === 3 ? 2500 : 0,
    ...common,
  };
}

function revlog(logs: LogRow[], state: StateRow | undefined): CollectionRevlog[] {
  return logs.map((log, index) => {
    const next = logs[index + 1];
    const dueAfter = next ? next.due : (state?.due ?? log.due);
    const daysAfter = next ? next.scheduled_days : (state?.scheduled_days ?? 0);
    return {
      id: log.review.getTime(),
      ease: log.rating,
      ivl: ankiInterval(log.review, dueAfter, daysAfter),
      lastIvl: ankiInterval(log.review, log.due, log.scheduled_days),
      factor: log.state === 2 || log.state === 3 ? 2500 : 0,
      time: log.durationMs ?? 0,
      type: log.state === 2 ? 1 : log.state === 3 ? 2 : 0,
    };
  });
}

/** A cloze paragraph in Anki's markup, or null when that would not give these cards back. */
function ankiClozeText(note: ExportNote): string | null {
  if (!note.clozeSource) return null;
  const numbered = new Set([...note.front.matchAll(/\{\{c(\d+)::/g)].map((match) => Number(match[1])));
  let next = numbered.size;
  const text = note.front.replace(
    /(?<!=)==(?![=\s])(.+?)(?<![=\s])==(?!=)/g,
    (_, inner: string) => `{{c${++next}::${inner}}}`,
  );
  const parsed = parseDeck(text).cards;
  // Facts in prose parse back the same but carry no markup Anki could use.
  const groups = new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((match) => match[1]));
  const same =
    groups.size === note.cards.length &&
    parsed.length === note.cards.length &&
    parsed.every((card, i) => card.front === note.cards[i]!.front && card.back === note.cards[i]!.back);
  return same ? text : null;
}

/**
 * Builds the .apkg of a deck for a learner: cards, their FSRS states, review logs and media files.
 * Throws an {@link ExportError} for an unknown deck, or one the learner cannot see.
 */
export async function exportDeckApkg(
  prisma: Db,
  slug: string,
  options: ApkgExportOptions,
): Promise<ApkgExport> {
  const { userId } = options;
  const now = options.now ?? new Date();
  const mediaDir = options.mediaDir ?? defaultMediaDir;
  const deck = await loadExportDeck(prisma, slug, userId);
  const [states, logs] = await Promise.all([
    prisma.cardState.findMany({ where: { userId, card: { deckId: deck.id, retiredAt: null } } }),
    prisma.reviewLog.findMany({
      where: { userId, card: { deckId: deck.id, retiredAt: null } },
      orderBy: [{ review: "asc" }, { id: "asc" }],
    }),
  ]);
  const stateByCard = new Map(states.map((state) => [state.cardId, state]));
  const logsByCard = new Map<string, LogRow[]>();
  for (const log of logs) {
    const list = logsByCard.get(log.cardId);
    if (list) list.push(log);
    else logsByCard.set(log.cardId, [log]);
  }
  const earliest = logs.reduce((min, log) => Math.min(min, log.review.getTime()), now.getTime());
  const createdSeconds = Math.floor(earliest / dayMs) * 86_400;

  const warnings: string[] = [];
  const media = new Map<string, string>();
  const notes: CollectionNote[] = [];
  const html = (markdown: string) => {
    const field = markdownToAnkiHtml(markdown);
    for (const ref of field.media) {
      const full = resolveMediaPath(mediaDir, ref.deckSlug, ref.fileName);
      const known = media.get(ref.fileName);
      if (!full) warnings.push(`Media reference "${ref.fileName}" is not a safe file name; left out`);
      else if (known === undefined) media.set(ref.fileName, full);
      else if (known !== full)
        warnings.push(`Two media files are named "${ref.fileName}"; only ${known} was packed`);
    }
    return field;
  };
  const add = (model: ExportModel, sides: string[], cards: ExportCard[], ords: number[]) => {
    const fields = sides.map(html);
    notes.push({
      guid: guidOf(deck.id, cards[0]!.key),
      model,
      fields: fields.map((field) => field.html),
      firstFieldText: fields[0]!.text,
      deckPath: [deck.title, ...cards[0]!.context],
      cards: cards.map((card, i) => ({
        ord: ords[i]!,
        schedule: schedule(stateByCard.get(card.id), card.position, createdSeconds),
        revlog: revlog(logsByCard.get(card.id) ?? [], stateByCard.get(card.id)),
      })),
    });
  };

  for (const note of groupNotes(deck)) {
    if (note.kind === "basic") add("basic", [note.front, note.back], note.cards, [0]);
    else if (note.kind === "reversed")
      add(
        "reversed",
        [note.front, note.back],
        note.cards,
        note.cards.map((_, i) => i),
      );
    else {
      const text = ankiClozeText(note);
      if (text === null) {
        for (const card of note.cards) add("basic", [card.front, card.back], [card], [0]);
        continue;
      }
      const numbers = [...new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((match) => Number(match[1])))].sort(
        (a, b) => a - b,
      );
      add(
        "cloze",
        [text, ""],
        note.cards,
        numbers.map((number) => number - 1),
      );
    }
  }

  const files: Record<string, Uint8Array> = {};
  const list: Record<string, string> = {};
  for (const [fileName, full] of media) {
    try {
      const index = String(Object.keys(list).length);
      files[index] = new Uint8Array(await readFile(full));
      list[index] = fileName;
    } catch {
      warnings.push(`Media file "${fileName}" is missing from ${mediaDir}; left out`);
    }
  }
  if (deck.cards.length === 0) throw new ExportError(`Deck "${slug}" has no cards to export`);
  files["collection.anki2"] = writeCollection({ now, createdSeconds, notes });
  files.media = new TextEncoder().encode(JSON.stringify(list));
  return {
    fileName: `${deck.slug}.apkg`,
    bytes: zipSync(files),
    notes: notes.length,
    cards: notes.reduce((sum, note) => sum + note.cards.length, 0),
    reviews: logs.length,
    media: Object.keys(list).length,
    warnings,
  };
}
