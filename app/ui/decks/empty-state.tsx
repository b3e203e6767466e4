import Link from "next/link";

/** No decks yet: how to add one. */
export function EmptyState() {
  return (
    <section className="rounded-xl border border-dashed border-stone-300 p-6 dark:border-stone-700">
      <h2 className="text-lg font-semibold">No decks yet</h2>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        Put a markdown file in <code className="font-mono">content/</code> and import it:
      </p>
      <pre className="mt-3 overflow-x-auto rounded-lg bg-stone-900 p-3 font-mono text-sm text-stone-100">
        npm run cards -- import
      </pre>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        Or{" "}
        <Link href="/decks/new" className="text-indigo-700 underline dark:text-indigo-300">
          add a deck
        </Link>{" "}
        in the browser.
      </p>
    </section>
  );
}
