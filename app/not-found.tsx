import Link from "next/link";

export default function NotFound() {
  return (
    <section>
      <h1 className="text-2xl font-bold tracking-tight">Not found</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">There is no deck or page at this address.</p>
      <Link href="/" className="mt-4 inline-block text-indigo-700 underline dark:text-indigo-300">
        Back to decks
      </Link>
    </section>
  );
}
