/** What the study page works with: plain, serialisable data (crosses from server to browser). */
import type { Schedule } from "@/app/lib/scheduler";
import type { SchedulingOptions } from "@/app/lib/settings/resolve";
import type { CardQuiz, QuizSettings } from "./quiz-mode";

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
  /** The learner's flag, 0 (none) to 4; absent reads as none. */
  flag?: number;
  /** The card's deck, set when a session mixes decks (Study all). */
  deck?: { slug: string; title: string };
  /** A term card's definition -> term direction (studied when the learner turns it on). */
  reverse?: true;
  /** How the deck's quiz mode asks this card (absent in flip mode). */
  quiz?: CardQuiz;
}

export interface StudyQueueData {
  /** `sourcePath` as stored: `content/x.md`, `browser:<slug>` or `anki:<file>` (for "where from"). */
  deck: { id: string; slug: string; title: string; sourcePath?: string | null };
  cards: StudyCard[];
  /** New cards the learner may still start today in this deck. */
  newRemaining: number;
  /** When the server read the queue (ms), to tell one load from the next. */
  loadedAt: number;
  /** When the learner's study day ends (ms): reviews due before it are due today. */
  dayEnd: number;
  /** Hide a note's other cards once one of them is studied, until the next study day. */
  burySiblings: boolean;
  /** Lapses at which a card is tagged a leech and suspended (the server does the same). */
  leechThreshold: number;
  /** The deck's scheduler settings: the browser previews with exactly what the server saves with. */
  scheduling: SchedulingOptions;
  /**
   * When the first card not in this queue becomes studyable (a review due on a later day, a buried
   * card back, the next day's new cards), or null when none will; absent when not read.
   */
  laterDue?: number | null;
  /**
   * Study all: cards of every deck, a batch at a time. `remaining` = due cards left for later
   * batches (at least that many when `capped`); `more` = another batch has cards (due ones, or new
   * ones the full batch had no room for).
   */
  scope?: { kind: "all"; remaining: number; capped: boolean; more: boolean };
  /** The learner's quiz mode for the deck (absent: flip). */
  quiz?: QuizSettings;
}
