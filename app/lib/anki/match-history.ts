/**
 * Which stored card each Anki card became, and its review history replayed. The notes were written
 * as one markdown paragraph each (`noteLines`), so the cards parsed from a note's lines are its Anki
 * cards, in the order the converter lists them.
 */
import type { AnkiRevlog } from "./collection-types";
import type { ConvertedNote } from "./convert-collection";
import { replayRevlog, type ReplayedHistory } from "./replay-revlog";

/** Every Anki card's revlog replayed through FSRS, by Anki card id; cards without a grade are left out. */
export function replayByAnkiCard(revlog: readonly AnkiRevlog[]): Map<number, ReplayedHistory> {
  const entriesByCard = new Map<number, AnkiRevlog[]>();
  for (const entry of revlog) {
    const list = entriesByCard.get(entry.cardId);
    if (list) list.push(entry);
    else entriesByCard.set(entry.cardId, [entry]);
  }
  const replayed = new Map<number, ReplayedHistory>();
  for (const [ankiCardId, entries] of entriesByCard) {
    const history = replayRevlog(entries);
    if (history.reviews.length) replayed.set(ankiCardId, history);
  }
  return replayed;
}

/**
 * Pairs each Anki card with the stored card its note's paragraph yielded (`stored`: the deck's live
 * cards in file order) and returns the histories by stored card id. A note that gave another
 * number of cards here than in Anki cannot be paired: it is named in `notices`.
 */
export function matchHistories(
  notes: readonly ConvertedNote[],
  noteLines: readonly { start: number; end: number }[],
  stored: readonly { id: string; line: number }[],
  replayed: ReadonlyMap<number, ReplayedHistory>,
  notices: string[],
): { cardId: string; history: ReplayedHistory }[] {
  const histories: { cardId: string; history: ReplayedHistory }[] = [];
  let cursor = 0;
  notes.forEach((note, index) => {
    const { start, end } = noteLines[index]!;
    while (cursor < stored.length && stored[cursor]!.line < start) cursor++;
    const own: string[] = [];
    while (cursor < stored.length && stored[cursor]!.line <= end) own.push(stored[cursor++]!.id);
    if (own.length !== note.cards.length) {
      notices.push(
        `Note ${note.noteId} gave ${own.length} cards here but has ${note.cards.length} in Anki; its history was not imported`,
      );
      return;
    }
    note.cards.forEach((card, i) => {
      const history = replayed.get(card.id);
      if (history) histories.push({ cardId: own[i]!, history });
    });
  });
  return histories;
}
