import Link from "next/link";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getDecks, getHomeFigures, getTrashedDeck } from "@/app/lib/data/decks";
import { parsePageQuery } from "@/app/lib/data/keyset";
import { DeckList } from "@/app/ui/decks/deck-list";
import { EmptyState } from "@/app/ui/decks/empty-state";
import { HomeSummary } from "@/app/ui/home/home-summary";
import { TrashedNotice } from "@/app/ui/home/trashed-notice";
import { Welcome } from "@/app/ui/home/welcome";
import { LiveRefresh } from "@/app/ui/live/live-refresh";
import { PageLinks, pageHref } from "@/app/ui/page-links";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const slugPattern = /^[a-z0-9][a-z0-9-]{0,199}$/;

export default async function HomePage({ searchParams }: Props) {
  // Counts depend on the clock and the database: render per request.
  await connection();
  const viewer = await requireViewer("/");
  const query = await searchParams;
  const { after, before } = parsePageQuery(query);
  const trashedSlug =
    typeof query.trashed === "string" && slugPattern.test(query.trashed) ? query.trashed : null;
  const now = new Date();
  const [page, figures, trashed] = await Promise.all([
    getDecks(viewer.userId, { after, before }, now),
    getHomeFigures(viewer.userId, now),
    trashedSlug ? getTrashedDeck(viewer, trashedSlug) : null,
  ]);
  const firstStudyable = page.decks.find((deck) => deck.missingAt === null) ?? null;
  return (
    <>
      <LiveRefresh />
      {trashed ? <TrashedNotice deck={trashed} /> : null}
      {figures.hasReviewed ? (
        <HomeSummary figures={figures} now={now} />
      ) : (
        <Welcome firstDeck={firstStudyable} />
      )}
      <div className="mb-4 flex items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Decks</h1>
        <p className="flex gap-3 text-sm text-stone-600 dark:text-stone-400">
          {page.total > page.decks.length ? (
            <span>
              {page.totalCapped ? "more than " : ""}
              {page.total.toLocaleString("en")} decks
            </span>
          ) : null}
          <Link href="/trash" prefetch={false} className="underline underline-offset-2 hover:no-underline">
            Trash
          </Link>
        </p>
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
