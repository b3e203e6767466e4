/**
 * Anki's legacy collection schema (version 11, what `collection.anki2` inside an .apkg holds and
 * what every Anki since 2.0 imports), and the JSON its `col` row carries: note types ("models"),
 * decks, deck options ("dconf") and collection config ("conf").
 */
import type { AnkiModel } from "./collection-types";

export const ankiSchemaSql = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const css =
  ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }";

/** A note type as Anki's legacy JSON spells it. */
export function modelJson(model: AnkiModel, deckId: number, modSeconds: number): Record<string, unknown> {
  return {
    id: Number(model.id),
    name: model.name,
    type: model.type,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: model.templates.map((template, ord) => ({
      name: template.name,
      ord,
      qfmt: template.qfmt,
      afmt: template.afmt,
      bqfmt: "",
      bafmt: "",
      did: null,
      bfont: "",
      bsize: 0,
    })),
    flds: model.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: "Arial",
      size: 20,
      media: [],
    })),
    css: model.type === 1 ? `${css}\n.cloze { font-weight: bold; color: blue; }` : css,
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    req:
      model.type === 1
        ? [[0, "any", [0]]]
        : model.templates.map((_, ord) => [ord, "any", [ord === 0 ? 0 : 1]]),
    tags: [],
    vers: [],
  };
}

/** A deck as Anki's legacy JSON spells it. */
export function deckJson(id: number, name: string, modSeconds: number): Record<string, unknown> {
  return {
    id,
    name,
    mod: modSeconds,
    usn: -1,
    desc: "",
    dyn: 0,
    conf: 1,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

/** Anki's default deck options group. */
export function defaultDeckConfigJson(modSeconds: number): Record<string, unknown> {
  return {
    id: 1,
    name: "Default",
    mod: modSeconds,
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  };
}

/** Anki's collection config defaults. */
export function collectionConfigJson(deckId: number): Record<string, unknown> {
  return {
    activeDecks: [deckId],
    curDeck: deckId,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: null,
    nextPos: 1,
    sortType: "noteFld",
    sortBackwards: false,
    addToCur: true,
    schedVer: 2,
  };
}

/** Anki's "first field checksum": the first 8 hex digits of the SHA-1 of the field's plain text. */
export function fieldChecksum(sha1Hex: string): number {
  return Number.parseInt(sha1Hex.slice(0, 8), 16);
}
