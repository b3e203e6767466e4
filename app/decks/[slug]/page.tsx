import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { canManageDeck } from "@/app/lib/auth/deck-access";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getDeck, getDeckCards, getDeckMarkCounts } from "@/app/lib/data/decks";
import { parsePageQuery } from "@/app/lib/data/keyset";
import { formatRelative } from "@/app/lib/study/format";
import { CardMarksFilter } from "@/app/ui/decks/card-marks-filter";
import { CardRow } from "@/app/ui/decks/card-row";
import { CardSearchForm } from "@/app/ui/decks/card-search-form";
import { DeckCounts } from "@/app/ui/decks/deck-counts";
import { StudyLink } from "@/app/ui/decks/study-link";
import { describeSource } from "@/app/ui/decks/deck-source";
import { ExportLinks } from "@/app/ui/decks/export-links";
import { PracticeLink } from "@/app/ui/decks/practice-link";
import { PageLinks, pageHref } from "@/app/ui/page-links";
import { DeckHiddenNotice } from "@/app/ui/decks/deck-hidden-notice";
import { DeleteDeckDialog } from "@/app/ui/decks/delete-deck-dialog";
import { RenameDeckForm } from "@/app/ui/decks/rename-deck-form";
import { LiveRefresh } from "@/app/ui/live/live-refresh";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const viewer = await requireViewer(`/decks/${slug}`);
  const deck = await getDeck(viewer.userId, slug);
  return { title: deck?.title ?? "Deck not found" };
}

export default async function DeckPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await requireViewer(`/decks/${slug}`);
  // Null too for another learner's private deck: a 404, never a page that confirms it exists.
  const deck = await getDeck(viewer.userId, slug);
  if (!deck) notFound();
  const request = parsePageQuery(await searchParams);
  const [page, marks] = await Promise.all([
    getDeckCards(viewer.userId, deck.id, request),
    getDeckMarkCounts(viewer.userId, deck.id),
  ]);
  const now = new Date();
  const waiting = deck.counts.new + deck.counts.learning + deck.counts.due;
  const source = describeSource(deck.sourcePath);
  const studyable = !deck.deletedAt && !deck.missingAt;
  // With accounts on, a shared deck is read-only: its file belongs to whoever runs the server.
  const manageable = canManageDeck(deck, viewer);
  return (
    <>
      {source.origin === "file" ? <LiveRefresh slug={deck.slug} /> : null}
      <DeckHiddenNotice deck={deck} manageable={manageable} />
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight">{deck.title}</h1>
          {deck.description ? (
            <p className="mt-1 text-stone-700 dark:text-stone-300">{deck.description}</p>
          ) : null}
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            <span className={source.origin === "file" ? "font-mono" : undefined}>{source.text}</span> ·{" "}
            {deck.lastStudied ? `studied ${formatRelative(now, deck.lastStudied)}` : "not studied yet"}
          </p>
          {studyable ? <DeckCounts counts={deck.counts} className="mt-2" /> : null}
          <p className="mt-2 text-sm">
            <Link
              href={`/decks/${deck.slug}/options`}
              className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
            >
              Study options
            </Link>{" "}
            ·{" "}
            <Link
              href={`/stats?deck=${deck.slug}`}
              className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
            >
              Stats
            </Link>
            {deck.leechCount > 0 ? (
              <span className="text-red-800 dark:text-red-300">
                {" "}
                · {deck.leechCount === 1 ? "1 leech" : `${deck.leechCount} leeches`} (suspended)
              </span>
            ) : null}
          </p>
          <p className="mt-3 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            {source.origin === "anki" || !manageable ? null : (
              <>
                <Link
                  href={`/decks/${deck.slug}/edit`}
                  className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
                >
                  {source.origin === "file" ? "How to edit" : "Edit markdown"}
                </Link>
                <span aria-hidden="true" className="text-stone-400 dark:text-stone-600">
                  ·
                </span>
              </>
            )}
            {studyable ? <PracticeLink slug={deck.slug} /> : null}
            <span className="text-stone-600 dark:text-stone-400">Export</span>
            <ExportLinks slug={deck.slug} title={deck.title} />
            {deck.deletedAt || !manageable ? null : (
              <>
                <span aria-hidden="true" className="text-stone-400 dark:text-stone-600">
                  ·
                </span>
                <DeleteDeckDialog
                  deck={{
                    id: deck.id,
                    title: deck.title,
                    cardCount: deck.cardCount,
                    reviewCount: deck.reviewCount,
                    filePath: source.origin === "file" ? deck.sourcePath : null,
                  }}
                />
              </>
            )}
          </p>
          {source.origin === "browser" && !deck.deletedAt && manageable ? (
            <RenameDeckForm slug={deck.slug} title={deck.title} />
          ) : null}
        </div>
        {studyable ? <StudyLink slug={deck.slug} title={deck.title} waiting={waiting} /> : null}
      </div>
      {deck.lastError ? (
        <div
          role="alert"
          className="mb-6 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <h2 className="font-semibold">The last import of this deck failed</h2>
          <p className="mt-1 font-mono text-sm whitespace-pre-wrap">{deck.lastError}</p>
        </div>
      ) : null}
      <h2 className="sr-only">Cards</h2>
      <CardSearchForm slug={deck.slug} query={request.q} total={page.total} />
      <CardMarksFilter slug={deck.slug} counts={marks} marked={request.marked} />
      {page.cards.length === 0 && page.total > 0 ? (
        <p className="mt-3">
          No cards on this page.{" "}
          <Link href={`/decks/${deck.slug}`} className="text-indigo-700 underline dark:text-indigo-300">
            Back to the first page
          </Link>
        </p>
      ) : (
        <ul className="mt-3 grid gap-3">
          {page.cards.map((card) => (
            <li key={card.id}>
              <CardRow card={card} source={source} now={now} slug={deck.slug} />
            </li>
          ))}
        </ul>
      )}
      <PageLinks
        label="Card pages"
        links={page.links}
        href={(cursor) => pageHref(`/decks/${deck.slug}`, cursor, { q: request.q, marked: request.marked })}
      />
    </>
  );
}
