"use client";

import { useEffect, useMemo, useState } from "react";
import type { ParsedDeck } from "@/app/lib/cards/types";
import { ImportError } from "@/app/lib/import/errors";
import { parseSource } from "@/app/lib/import/parse-source";

export type DeckPreviewResult =
  | { status: "empty" }
  | { status: "ok"; deck: ParsedDeck }
  | { status: "error"; message: string; line: number | undefined };

// Short enough to feel instant, long enough that a fast typist does not re-parse a long deck per key.
const debounceMs = 120;

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The deck the markdown would become, parsed in the browser with the importer's own parse step
 * (same cards, same warnings, duplicate questions dropped), so the preview never promises what the
 * save will not do.
 */
export function useDeckPreview(markdown: string, fileName: string | null): DeckPreviewResult {
  const text = useDebouncedValue(markdown, debounceMs);
  return useMemo((): DeckPreviewResult => {
    if (text.trim() === "") return { status: "empty" };
    try {
      return { status: "ok", deck: parseSource(text, fileName ?? "pasted text", fileName ?? "") };
    } catch (error) {
      if (error instanceof ImportError) return { status: "error", message: error.message, line: error.line };
      return { status: "error", message: (error as Error).message, line: undefined };
    }
  }, [text, fileName]);
}
