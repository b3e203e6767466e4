import Link from "next/link";

/** The Study button: primary while cards wait, quiet when the deck is done for today. */
export function StudyLink({ slug, title, waiting }: { slug: string; title: string; waiting: number }) {
  const tone =
    waiting > 0
      ? "bg-indigo-700 text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-stone-950 dark:hover:bg-indigo-300"
      : "border border-stone-300 text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-200 dark:hover:bg-stone-800";
  return (
    <Link
      href={`/decks/${slug}/study`}
      aria-label={`Study ${title}`}
      className={`inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg px-5 font-semibold ${tone}`}
    >
      Study
    </Link>
  );
}
