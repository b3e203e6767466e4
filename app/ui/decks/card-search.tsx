"use client";

import { useDeferredValue, useState, type ReactNode } from "react";

export interface SearchItem {
  id: string;
  /** Lower-cased text the filter matches against. */
  text: string;
  content: ReactNode;
}

/** Client-side filter over server-rendered card rows. */
export function CardSearch({ items }: { items: SearchItem[] }) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const shown = deferred ? items.filter((item) => item.text.includes(deferred)) : items;
  return (
    <div>
      <label htmlFor="card-search" className="block text-sm font-medium">
        Search cards
      </label>
      <input
        id="card-search"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Front, back or heading"
        className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400"
      />
      <p aria-live="polite" className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {shown.length === items.length ? `${items.length} cards` : `${shown.length} of ${items.length} cards`}
      </p>
      <ul className="mt-3 grid gap-3">
        {shown.map((item) => (
          <li key={item.id}>{item.content}</li>
        ))}
      </ul>
    </div>
  );
}
