import type { ParsedDeck } from "@/app/lib/cards/types";

/** What parse-worker.ts is asked to parse: `requireCards` runs parseSource, otherwise parseText. */
export interface ParseJob {
  text: string;
  sourcePath: string;
  fileName: string;
  requireCards: boolean;
}

export type ParseReply =
  { ok: true; deck: ParsedDeck } | { ok: false; file: string; line?: number; message: string };
