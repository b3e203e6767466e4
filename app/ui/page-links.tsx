import Link from "next/link";
import type { PageLinks as Links } from "@/app/lib/data/keyset";

const linkClass =
  "inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";

/**
 * Previous / Next links of a paged list. `href` builds a page's address from its cursor, keeping
 * whatever else the address holds (a search).
 */
export function PageLinks({
  label,
  links,
  href,
}: {
  /** Names the navigation for screen readers, e.g. "Deck pages". */
  label: string;
  links: Links;
  href: (cursor: { after: string } | { before: string }) => string;
}) {
  if (!links.previous && !links.next) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-3">
      {links.previous ? (
        <Link href={href({ before: links.previous })} rel="prev" className={linkClass}>
          <span aria-hidden="true">←&nbsp;</span>Previous
        </Link>
      ) : (
        <span />
      )}
      {links.next ? (
        <Link href={href({ after: links.next })} rel="next" className={linkClass}>
          Next<span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** `?after=...` / `?before=...` added to a path, plus any other parameters given. */
export function pageHref(
  path: string,
  cursor: { after: string } | { before: string },
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...extra, ...cursor })) if (value) params.set(key, value);
  return `${path}?${params.toString()}`;
}
