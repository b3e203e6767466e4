import Link from "next/link";

const linkClass = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";
const codeClass = "rounded bg-white px-1 font-mono text-[0.9em] dark:bg-stone-800";

const example = `## Cells
- What is the powerhouse of the cell?
  The mitochondria
**Osmosis**: water moving across a membrane
ATP :: the cell's energy carrier`;

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
        Each markdown file is a deck, and you write your notes as usual. In a note like this one, the question
        bullet with its answer indented under it, the <code className={codeClass}>**Term**: definition</code>{" "}
        line and the <code className={codeClass}>front::back</code> line each become a card, shown under their
        heading:
      </p>
      <pre
        aria-label="An example note"
        className="mt-3 rounded-lg bg-white p-3 font-mono text-sm break-words whitespace-pre-wrap text-stone-900 dark:bg-stone-900 dark:text-stone-100"
      >
        {example}
      </pre>
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
