"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { isBrowserSource } from "@/app/lib/browser-decks/browser-source";
import { flagNames, type SetAsideAction } from "@/app/lib/study/marks";
import type { StudyCard } from "@/app/lib/study/types";
import { flagTones } from "./flag-tones";
import { isTyping } from "./use-study-keys";

const buttonClass =
  "inline-flex min-h-11 items-center gap-1.5 rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200 dark:hover:bg-stone-800";

const kbdClass = "hidden font-mono text-xs text-stone-500 pointer-fine:inline dark:text-stone-400";

/** Where the card comes from: the notes file and line, or a link into the browser deck's editor. */
function CardSource({
  card,
  slug,
  sourcePath,
}: {
  card: StudyCard;
  slug: string;
  sourcePath: string | null;
}) {
  if (sourcePath?.startsWith("anki:")) return null;
  if (!sourcePath || isBrowserSource(sourcePath)) {
    return (
      <Link
        href={`/decks/${slug}/edit?line=${card.line}`}
        className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
        data-testid="card-source"
      >
        Line {card.line}
        <span className="sr-only"> of this deck</span>, in the editor
      </Link>
    );
  }
  return (
    <span className="font-mono [overflow-wrap:anywhere]" data-testid="card-source">
      {sourcePath}, <span className="whitespace-nowrap">line {card.line}</span>
    </span>
  );
}

/**
 * The card's toolbar: its source, Undo (a button, so it works on touch screens), Bury (`-`),
 * Suspend (`@`) and its flag. Bury and suspend take the card out of the session at once.
 */
export function CardActions({
  card,
  slug,
  sourcePath,
  canUndo,
  onUndo,
  onSetAside,
  onFlag,
}: {
  card: StudyCard;
  slug: string;
  sourcePath: string | null;
  canUndo: boolean;
  onUndo: () => void;
  onSetAside: (action: SetAsideAction) => void;
  onFlag: (flag: number) => void;
}) {
  const latest = useRef({ onSetAside });
  useEffect(() => {
    latest.current = { onSetAside };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      if (event.key === "-") latest.current.onSetAside("bury");
      else if (event.key === "@") latest.current.onSetAside("suspend");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const flag = card.flag ?? 0;
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <p className="min-w-0 text-sm text-stone-600 dark:text-stone-400">
        <CardSource card={card} slug={slug} sourcePath={sourcePath} />
      </p>
      <div role="toolbar" aria-label="Card actions" className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={onUndo} disabled={!canUndo}>
          Undo <kbd className={kbdClass}>u</kbd>
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() => onSetAside("bury")}
          aria-keyshortcuts="-"
        >
          Bury <kbd className={kbdClass}>-</kbd>
          <span className="sr-only">until tomorrow</span>
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() => onSetAside("suspend")}
          aria-keyshortcuts="@"
        >
          Suspend <kbd className={kbdClass}>@</kbd>
        </button>
        <label className={`${buttonClass} cursor-pointer pr-1`}>
          <span aria-hidden="true" className={flagTones[flag]}>
            ⚑
          </span>
          <span className="sr-only">Flag</span>
          <select
            value={flag}
            onChange={(event) => onFlag(Number(event.target.value))}
            className={`min-h-9 cursor-pointer bg-transparent pr-1 text-sm ${flagTones[flag] || "text-stone-800 dark:text-stone-200"}`}
            data-testid="flag-select"
          >
            {flagNames.map((name, value) => (
              <option key={name} value={value}>
                {value === 0 ? "No flag" : name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
