import Link from "next/link";

/**
 * Searches a deck's cards on the server (a GET form: the address holds the search, so it works
 * before scripts load and can be shared). `total` counts the matching cards on every page.
 */
export function CardSearchForm({
  slug,
  query,
  total,
}: {
  slug: string;
  query: string | undefined;
  total: number;
}) {
  return (
    <form action={`/decks/${slug}`} role="search" aria-label="Cards">
      <label htmlFor="card-search" className="block text-sm font-medium">
        Search cards
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="card-search"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={200}
          placeholder="Front, back or heading"
          className="block min-h-11 w-full min-w-0 rounded-lg border border-stone-300 bg-white px-3 text-base placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400"
        />
        <button
          type="submit"
          className="min-h-11 shrink-0 rounded-lg border border-stone-300 px-4 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Search
        </button>
      </div>
      <p aria-live="polite" className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {query ? (
          <>
            {total.toLocaleString("en")} {total === 1 ? "card matches" : "cards match"} “{query}” ·{" "}
            <Link href={`/decks/${slug}`} className="text-indigo-700 underline dark:text-indigo-300">
              show all
            </Link>
          </>
        ) : (
          `${total.toLocaleString("en")} ${total === 1 ? "card" : "cards"}`
        )}
      </p>
    </form>
  );
}
