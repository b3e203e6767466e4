import Link from "next/link";
import type { DeckMarkCounts } from "@/app/lib/data/card-marks";

const linkClass = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";

/** "2 suspended · 1 flagged · 3 buried until tomorrow", each a filter of the card list where it can be. */
export function CardMarksFilter({
  slug,
  counts,
  marked,
}: {
  slug: string;
  counts: DeckMarkCounts;
  marked: "suspended" | "flagged" | undefined;
}) {
  if (counts.suspended + counts.flagged + counts.buried === 0 && !marked) return null;
  const item = (filter: "suspended" | "flagged", count: number) =>
    count === 0 ? null : marked === filter ? (
      <span aria-current="true" className="font-semibold">
        {count} {filter}
      </span>
    ) : (
      <Link href={`/decks/${slug}?marked=${filter}`} className={linkClass}>
        {count} {filter}
      </Link>
    );
  const parts = [
    item("suspended", counts.suspended),
    item("flagged", counts.flagged),
    counts.buried > 0 ? <span>{counts.buried} buried until tomorrow</span> : null,
    marked ? (
      <Link href={`/decks/${slug}`} className={linkClass}>
        show all cards
      </Link>
    ) : null,
  ].filter((part) => part !== null);
  return (
    <nav aria-label="Marked cards" className="mt-1 text-sm text-stone-700 dark:text-stone-300">
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? " · " : null}
          {part}
        </span>
      ))}
    </nav>
  );
}
