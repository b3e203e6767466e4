import Link from "next/link";
import { getViewer } from "@/app/lib/auth/viewer";
import { countDueAll } from "@/app/lib/data/study-all";

/** Counted at most, for the header: a few milliseconds where 50,000 took 150 ms. */
const headerCap = 999;

const linkClass =
  "rounded-md px-2 py-1 text-sm whitespace-nowrap text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800";

/**
 * "Study all (N due)" in the header: the viewer's learning and review cards due today, across their
 * decks. Nobody signed in (accounts on): the bare link, nothing about any learner.
 */
export async function StudyAllLink() {
  // A figure in the header must not take every page down with it; the page says what is wrong.
  const due = await getViewer()
    .then((viewer) => (viewer ? countDueAll(viewer.userId, headerCap) : undefined))
    .catch((error: unknown) => {
      console.error("counting due cards for the header failed", error);
      return undefined;
    });
  return <StudyAllLinkView due={due} />;
}

/** The link before the count has arrived (streamed in), or with it: "Study all N due", N as a badge. */
export function StudyAllLinkView({ due }: { due?: number }) {
  return (
    <Link href="/study" prefetch={false} className={linkClass} data-testid="study-all-link">
      Study all
      {due ? (
        <>
          {" "}
          <span className="rounded-full bg-indigo-700 px-1.5 text-xs font-semibold text-white tabular-nums dark:bg-indigo-400 dark:text-stone-950">
            {due > headerCap ? `${headerCap}+` : due}
          </span>
          <span className="sr-only"> due</span>
        </>
      ) : null}
    </Link>
  );
}
