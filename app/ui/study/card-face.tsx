"use client";

import { memo, useMemo, type ReactNode } from "react";
import { markCloze } from "@/app/lib/study/cloze";
import type { StudyCard } from "@/app/lib/study/types";
import { LazyCardMarkdown } from "./lazy-markdown";

/**
 * One card, front and back. Both sides are in the DOM up front and the back is only hidden, so the
 * reveal is a one-attribute change; the next card is mounted the same way, hidden, so grading only
 * flips which card is visible. A cloze shows its blank first and, revealed, the full text with the
 * answer highlighted. `rendered` holds the server-rendered sides; without them the card is rendered
 * here.
 */
export const CardFace = memo(function CardFace({
  card,
  rendered,
  revealed,
  visible,
}: {
  card: StudyCard;
  rendered: { front: ReactNode; back: ReactNode } | undefined;
  revealed: boolean;
  visible: boolean;
}) {
  const sides = useMemo(() => {
    if (rendered) return rendered;
    const source = card.kind === "cloze" ? markCloze(card.front, card.back) : card;
    return {
      front: <LazyCardMarkdown source={source.front} highlight="blank" />,
      back: <LazyCardMarkdown source={source.back} highlight="answer" />,
    };
  }, [rendered, card]);
  const cloze = card.kind === "cloze";
  return (
    <article
      hidden={!visible}
      data-card-id={visible ? card.id : undefined}
      data-revealed={visible ? String(revealed) : undefined}
      aria-label={visible ? "Card" : undefined}
      className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-8 dark:border-stone-800 dark:bg-stone-900"
    >
      {card.deck ? (
        <p data-card-deck className="mb-2 text-sm font-medium text-indigo-700 dark:text-indigo-300">
          <span className="sr-only">Deck: </span>
          {card.deck.title}
        </p>
      ) : null}
      {card.context.length > 0 ? (
        <p className="mb-3 text-xs tracking-wide text-stone-600 uppercase dark:text-stone-400">
          {card.context.join(" › ")}
        </p>
      ) : null}
      <div hidden={cloze && revealed} data-side="front">
        {sides.front}
      </div>
      <div hidden={!revealed} data-side="back">
        {cloze ? null : <hr className="my-5 border-stone-200 dark:border-stone-700" />}
        {sides.back}
      </div>
    </article>
  );
});
