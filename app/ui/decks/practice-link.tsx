import Link from "next/link";

/** "Practice ·" in the deck page's links: go over the cards without changing their schedule. */
export function PracticeLink({ slug }: { slug: string }) {
  return (
    <>
      <Link
        href={`/decks/${slug}/practice`}
        prefetch={false}
        className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
      >
        Practice
      </Link>
      <span aria-hidden="true" className="text-stone-400 dark:text-stone-600">
        ·
      </span>
    </>
  );
}
