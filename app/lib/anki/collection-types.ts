/** The parts of Anki's legacy collection (`collection.anki2`, schema 11) this app reads and writes. */

/** A note type. `type` 1 is a cloze type; `fields` and `templates` are in `ord` order. */
export interface AnkiModel {
  id: string;
  name: string;
  type: 0 | 1;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
}

export interface AnkiNote {
  id: number;
  guid: string;
  modelId: string;
  /** Field values (HTML), in the model's field order. */
  fields: string[];
  tags: string[];
}

/** One card; scheduling columns as Anki stores them (ivl in days, factor in permille). */
export interface AnkiCard {
  id: number;
  noteId: number;
  deckId: string;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
}

/** One review: `id` is its time in ms since the epoch, `ease` the button (1-4, 0 = manual). */
export interface AnkiRevlog {
  id: number;
  cardId: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  /** Time taken, in ms. */
  time: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual. */
  type: number;
}

export interface AnkiCollection {
  models: Map<string, AnkiModel>;
  /** Deck id -> full name (`Parent::Child`). */
  decks: Map<string, string>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}
