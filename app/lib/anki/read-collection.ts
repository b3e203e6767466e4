import Database from "better-sqlite3";
import { z } from "zod";
import type { AnkiCard, AnkiCollection, AnkiModel, AnkiNote, AnkiRevlog } from "./collection-types";
import { AnkiPackageError } from "./errors";

const modelSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  name: z.string(),
  type: z.union([z.literal(0), z.literal(1)]).default(0),
  flds: z.array(z.object({ name: z.string(), ord: z.number().int() })),
  tmpls: z.array(z.object({ name: z.string(), ord: z.number().int(), qfmt: z.string(), afmt: z.string() })),
});
const modelsSchema = z.record(z.string(), modelSchema);
const decksSchema = z.record(
  z.string(),
  z.object({ id: z.union([z.number(), z.string()]).transform(String), name: z.string() }),
);

const integer = z.number().int().safe();
const cardRowSchema = z.object({
  id: integer,
  noteId: integer,
  deckId: z.union([integer, z.string()]).transform(String),
  ord: integer.min(0).max(1000),
  type: integer,
  queue: integer,
  due: integer,
  ivl: integer,
  factor: integer,
  reps: integer,
  lapses: integer,
});
// Review times must be real dates and durations fit a 32-bit column: anything else is not Anki's.
const revlogRowSchema = z.object({
  id: integer.min(0).max(8_640_000_000_000_000),
  cardId: integer,
  ease: integer,
  ivl: integer,
  lastIvl: integer,
  factor: integer,
  time: integer.transform((ms) => Math.min(Math.max(ms, 0), 2_147_483_647)),
  type: integer,
});

function readRow<T>(schema: z.ZodType<T>, row: unknown, what: string): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AnkiPackageError(
    `The collection is damaged: a ${what} row has a bad ${issue?.path.join(".")} (${issue?.message}).`,
  );
}

const requiredTables = ["col", "notes", "cards", "revlog"] as const;

function readJson<T>(text: unknown, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(String(text));
  } catch (cause) {
    throw new AnkiPackageError(`The collection is damaged: its ${what} are not JSON.`, { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AnkiPackageError(
      `The collection is damaged: its ${what} are not what Anki writes (${issue?.path.join(".")}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}

function toModel(raw: z.infer<typeof modelSchema>): AnkiModel {
  const byOrd = <T extends { ord: number }>(items: T[]) => [...items].sort((a, b) => a.ord - b.ord);
  return {
    id: raw.id,
    name: raw.name,
    type: raw.type,
    fields: byOrd(raw.flds).map((field) => field.name),
    templates: byOrd(raw.tmpls).map(({ name, qfmt, afmt }) => ({ name, qfmt, afmt })),
  };
}

/**
 * Reads a legacy Anki collection (the SQLite file `collection.anki2`/`.anki21` inside an .apkg)
 * from its bytes, in memory and read-only. Throws an {@link AnkiPackageError} when the bytes are not
 * such a collection. The tables must be plain tables: a view could make a query run forever.
 */
export function readCollection(bytes: Uint8Array): AnkiCollection {
  let db: Database.Database;
  try {
    db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (cause) {
    throw new AnkiPackageError("The package's collection is not an SQLite database.", { cause });
  }
  try {
    db.pragma("query_only = ON");
    db.pragma("trusted_schema = OFF");
    let tables: Set<string>;
    try {
      tables = new Set(
        (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
          (row) => row.name,
        ),
      );
    } catch (cause) {
      throw new AnkiPackageError("The package's collection is not an SQLite database.", { cause });
    }
    const missing = requiredTables.filter((table) => !tables.has(table));
    if (missing.length)
      throw new AnkiPackageError(
        `The package's collection is not an Anki collection (no ${missing.join(", ")} table).`,
      );

    try {
      const col = db.prepare("SELECT models, decks FROM col LIMIT 1").get() as
        { models: unknown; decks: unknown } | undefined;
      if (!col) throw new AnkiPackageError("The collection is damaged: its col table is empty.");
      const models = new Map(
        Object.values(readJson(col.models, modelsSchema, "note types")).map((raw) => [raw.id, toModel(raw)]),
      );
      const decks = new Map(
        Object.values(readJson(col.decks, decksSchema, "decks")).map((deck) => [deck.id, deck.name]),
      );

      const notes: AnkiNote[] = (
        db.prepare("SELECT id, guid, mid, flds, tags FROM notes ORDER BY id").all() as {
          id: number;
          guid: string;
          mid: number | string;
          flds: string;
          tags: string;
        }[]
      ).map((row) => ({
        id: Number(row.id),
        guid: String(row.guid),
        modelId: String(row.mid),
        fields: String(row.flds).split("\x1f"),
        tags: String(row.tags).split(/\s+/).filter(Boolean),
      }));
      const cards = (
        db
          .prepare(
            "SELECT id, nid AS noteId, did AS deckId, ord, type, queue, due, ivl, factor, reps, lapses FROM cards ORDER BY nid, ord",
          )
          .all() as unknown[]
      ).map((row): AnkiCard => readRow(cardRowSchema, row, "card"));
      const revlog = db
        .prepare(
          "SELECT id, cid AS cardId, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id",
        )
        .all()
        .map((row): AnkiRevlog => readRow(revlogRowSchema, row, "review"));
      return { models, decks, notes, cards, revlog };
    } catch (cause) {
      if (cause instanceof AnkiPackageError) throw cause;
      throw new AnkiPackageError(`The collection is damaged: ${(cause as Error).message}`, { cause });
    }
  } finally {
    db.close();
  }
}
