import Link from "next/link";
import { connection } from "next/server";
import { getDecks } from "@/app/lib/data/decks";
import { parsePageQuery } from "@/app/lib/data/keyset";
import { DeckList } from "@/app/ui/decks/deck-list";
import { EmptyState } from "@/app/ui/decks/empty-state";
import { PageLinks, pageHref } from "@/app/ui/page-links";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  // Counts depend on the clock and the database: render per request.
  await connection();
  const { after, before } = parsePageQuery(await searchParams);
  const now = new Date();
  const page = await getDecks({ after, before }, now);
  return (
    <>
      <div className="mb-4 flex items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Decks</h1>
        {page.total > page.decks.length ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {page.totalCapped ? "more than " : ""}
            {page.total.toLocaleString("en")} decks
          </p>
        ) : null}
      </div>
      {page.total === 0 ? (
        <EmptyState />
      ) : page.decks.length === 0 ? (
        <p>
          No decks on this page.{" "}
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            Back to the first page
          </Link>
        </p>
      ) : (
        <DeckList decks={page.decks} now={now} />
      )}
      <PageLinks label="Deck pages" links={page.links} href={(cursor) => pageHref("/", cursor)} />
    </>
  );
}
