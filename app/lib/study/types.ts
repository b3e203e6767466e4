/** What the study page works with: plain, serialisable data (crosses from server to browser). */
import type { Schedule } from "@/app/lib/scheduler";

export type StudyCardKind = "basic" | "reversed" | "cloze";

export interface StudyCard {
  id: string;
  kind: StudyCardKind;
  front: string;
  back: string;
  /** Heading path, outermost first. */
  context: string[];
  line: number;
  position: number;
  /** Null while the card is new for this learner. */
  schedule: Schedule | null;
  /** The CardState version the learner's last grade was made against; 0 = no row. */
  version: number;
  /** The card's deck, set when a session mixes decks (Study all). */
  deck?: { slug: string; title: string };
}

export interface StudyQueueData {
  deck: { id: string; slug: string; title: string };
  cards: StudyCard[];
  /** New cards the learner may still start today in this deck. */
  newRemaining: number;
  /** When the server read the queue (ms), to tell one load from the next. */
  loadedAt: number;
  /**
   * Study all: cards of every deck, a batch at a time. `remaining` = due cards left for later
   * batches (at least that many when `capped`); `more` = another batch has cards (due ones, or new
   * ones the full batch had no room for).
   */
  scope?: { kind: "all"; remaining: number; capped: boolean; more: boolean };
}
