/** A deck's card as it now stands in the database, sent to open study pages after a re-import. */
export interface LiveCard {
  id: string;
  kind: "basic" | "reversed" | "cloze";
  front: string;
  back: string;
  context: string[];
  line: number;
  position: number;
}

export interface LiveDeckCards {
  slug: string;
  /** The last import error of the deck's file, null when it imported cleanly. */
  lastError: string | null;
  /** Live (not retired) cards in file order. */
  cards: LiveCard[];
}
