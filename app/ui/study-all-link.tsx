import Link from "next/link";
import { countDueAll } from "@/app/lib/data/study-all";

const linkClass =
  "rounded-md px-2 py-1 text-sm text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800";

/** "Study all (N due)" in the header: every deck's learning and review cards due today. */
export async function StudyAllLink() {
  // A figure in the header must not take every page down with it; the page says what is wrong.
  const due = await countDueAll().catch((error: unknown) => {
    console.error("counting due cards for the header failed", error);
    return undefined;
  });
  return <StudyAllLinkView due={due} />;
}

/** The link before the count has arrived (streamed in), or with it. */
export function StudyAllLinkView({ due }: { due?: number }) {
  return (
    <Link href="/study" prefetch={false} className={linkClass} data-testid="study-all-link">
      Study all
      {due ? <span className="tabular-nums"> ({due.toLocaleString("en")} due)</span> : null}
    </Link>
  );
}
