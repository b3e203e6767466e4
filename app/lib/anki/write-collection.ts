/**
 * Writes a legacy Anki collection (schema 11, `collection.anki2`) with better-sqlite3 in memory and
 * returns its bytes. Three note types: Basic, Basic (and reversed card) and Cloze, with Anki's own
 * field and template layout, so Anki's importer treats them like its stock types.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import {
  ankiSchemaSql,
  collectionConfigJson,
  deckJson,
  defaultDeckConfigJson,
  fieldChecksum,
  modelJson,
} from "./collection-schema";
import type { AnkiModel } from "./collection-types";

export type ExportModel = "basic" | "reversed" | "cloze";

export const exportModels: Record<ExportModel, AnkiModel> = {
  basic: {
    id: "1700000000101",
    name: "Basic",
    type: 0,
    fields: ["Front", "Back"],
    templates: [{ name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" }],
  },
  reversed: {
    id: "1700000000102",
    name: "Basic (and reversed card)",
    type: 0,
    fields: ["Front", "Back"],
    templates: [
      { name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" },
      { name: "Card 2", qfmt: "{{Back}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}" },
    ],
  },
  cloze: {
    id: "1700000000103",
    name: "Cloze",
    type: 1,
    fields: ["Text", "Back Extra"],
    templates: [{ name: "Cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>\n{{Back Extra}}" }],
  },
};

/** A card's schedule in Anki's legacy columns. */
export interface CollectionCardSchedule {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  /** FSRS memory state in Anki's card `data` JSON (`s`, `d`), read by Anki 23.10+ with FSRS on. */
  data: string;
}

export interface CollectionRevlog {
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export interface CollectionNote {
  guid: string;
  model: ExportModel;
  /** Field HTML and plain text of the first field (for the sort field and checksum). */
  fields: string[];
  firstFieldText: string;
  /** Anki deck path below nothing: `["Spanish", "Verbs"]` is the deck `Spanish::Verbs`. */
  deckPath: string[];
  cards: { ord: number; schedule: CollectionCardSchedule; revlog: CollectionRevlog[] }[];
}

export interface CollectionInput {
  now: Date;
  /** Day the collection starts (review `due` values count days from it), seconds since the epoch. */
  createdSeconds: number;
  notes: CollectionNote[];
}

/** The collection's SQLite bytes. */
export function writeCollection(input: CollectionInput): Uint8Array {
  const nowMs = input.now.getTime();
  const mod = Math.floor(nowMs / 1000);
  const deckIds = new Map<string, number>();
  for (const note of input.notes) {
    for (let depth = 1; depth <= note.deckPath.length; depth++) {
      const name = note.deckPath.slice(0, depth).join("::");
      if (!deckIds.has(name)) deckIds.set(name, 1_700_000_001_000 + deckIds.size);
    }
  }
  const firstDeck = deckIds.values().next().value ?? 1;
  const decks: Record<string, unknown> = { "1": deckJson(1, "Default", mod) };
  for (const [name, id] of deckIds) decks[String(id)] = deckJson(id, name, mod);
  const models: Record<string, unknown> = {};
  for (const model of Object.values(exportModels)) models[model.id] = modelJson(model, firstDeck, mod);

  const db = new Database(":memory:");
  try {
    db.exec(ankiSchemaSql);
    db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(
      input.createdSeconds,
      nowMs,
      nowMs,
      JSON.stringify(collectionConfigJson(firstDeck)),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify({ "1": defaultDeckConfigJson(mod) }),
    );
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, '', ?, ?, ?, 0, '')");
    const insertCard = db.prepare(
      "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)",
    );
    const insertRevlog = db.prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)");
    const revlogIds = new Set<number>();
    let cardId = nowMs;
    db.transaction(() => {
      input.notes.forEach((note, index) => {
        const noteId = nowMs + index;
        const checksum = fieldChecksum(createHash("sha1").update(note.firstFieldText).digest("hex"));
        insertNote.run(
          noteId,
          note.guid,
          Number(exportModels[note.model].id),
          mod,
          note.fields.join("\x1f"),
          note.firstFieldText,
          checksum,
        );
        const deckId = deckIds.get(note.deckPath.join("::")) ?? 1;
        for (const card of note.cards) {
          cardId++;
          const s = card.schedule;
          insertCard.run(
            cardId,
            noteId,
            deckId,
            card.ord,
            mod,
            s.type,
            s.queue,
            s.due,
            s.ivl,
            s.factor,
            s.reps,
            s.lapses,
            s.data,
          );
          for (const entry of card.revlog) {
            // Revlog ids are review times in ms and must be unique: a clash moves a review by 1 ms.
            let id = entry.id;
            while (revlogIds.has(id)) id++;
            revlogIds.add(id);
            insertRevlog.run(
              id,
              cardId,
              entry.ease,
              entry.ivl,
              entry.lastIvl,
              entry.factor,
              entry.time,
              entry.type,
            );
          }
        }
      });
    })();
    return new Uint8Array(db.serialize());
  } finally {
    db.close();
  }
}
