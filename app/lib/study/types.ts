/** What the study page works with: plain, serialisable data (crosses from server to browser). */
import type { Schedule } from "@/app/lib/scheduler";
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
  /** A term card's definition -> term direction (studied when the learner turns it on). */
  reverse?: true;
  /** How the deck's quiz mode asks this card (absent in flip mode). */
  quiz?: CardQuiz;
}

export interface StudyQueueData {
  deck: { id: string; slug: string; title: string };
  cards: StudyCard[];
  /** New cards the learner may still start today in this deck. */
  newRemaining: number;
  /** When the server read the queue (ms), to tell one load from the next. */
  loadedAt: number;
  /** The learner's quiz mode for the deck (absent: flip). */
  quiz?: QuizSettings;
}
