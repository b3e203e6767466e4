import Link from "next/link";

const linkClass = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";
const codeClass = "rounded bg-stone-100 px-1 font-mono text-[0.9em] dark:bg-stone-800";

/** First visit (no review yet): how notes become cards, and where to start. */
export function Welcome({ firstDeck }: { firstDeck: { slug: string; title: string } | null }) {
  return (
    <section
      aria-labelledby="welcome-heading"
      className="mb-6 rounded-xl border border-indigo-200 bg-indigo-50 p-4 dark:border-indigo-900 dark:bg-indigo-950"
    >
      <h2 id="welcome-heading" className="text-lg font-semibold">
        Welcome to Notecards
      </h2>
      <p className="mt-1 text-stone-800 dark:text-stone-200">
        Each markdown file is a deck. Write your notes as usual; these become cards:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-800 dark:text-stone-200">
        <li>
          a question bullet with its answer indented below it:{" "}
          <code className={codeClass}>- What is ATP?</code> then{" "}
          <code className={codeClass}>&nbsp;&nbsp;The cell&apos;s energy carrier</code>
        </li>
        <li>
          a definition: <code className={codeClass}>**Osmosis**: water moving across a membrane</code>
        </li>
        <li>
          a heading over the paragraph that explains it, and <code className={codeClass}>front::back</code>{" "}
          for a card written out
        </li>
      </ul>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
        <Link href="/decks/new" className={linkClass}>
          Add a deck
        </Link>
        {firstDeck ? (
          <Link href={`/decks/${firstDeck.slug}/study`} className={linkClass}>
            Study {firstDeck.title}
          </Link>
        ) : null}
      </p>
    </section>
  );
}
