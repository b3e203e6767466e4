import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { canManageDeck } from "@/app/lib/auth/deck-access";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getDeckSource } from "@/app/lib/browser-decks/get-deck-source";
import { getVisibleDeck } from "@/app/lib/data/decks";
import { EditDeckForm } from "@/app/ui/add-deck/edit-deck-form";

export const metadata: Metadata = { title: "Edit deck" };

/** `?line=12` (from a card's source on the study or deck page): the editor opens at that line. */
const lineSchema = z.coerce.number().int().min(1).max(10_000_000).optional().catch(undefined);

export default async function EditDeckPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const viewer = await requireViewer(`/decks/${slug}/edit`);
  const line = lineSchema.parse((await searchParams).line);
  // Another learner's private deck is not found; a shared one is read-only when accounts are on.
  const visible = await getVisibleDeck(viewer.userId, slug);
  if (!visible) notFound();
  if (!canManageDeck(visible, viewer)) return <SharedDeckNotice slug={visible.slug} title={visible.title} />;
  const deck = await getDeckSource(slug);
  if (!deck) notFound();

  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/decks/${deck.slug}`}
          className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          ← {deck.title}
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Edit {deck.title}</h1>
      {deck.origin === "browser" ? (
        <>
          <p className="mb-6 text-stone-700 dark:text-stone-300">
            Cards whose question stays the same keep their progress when you change the answer. Cards you
            remove are retired, and come back with their history if you add them again.
          </p>
          <EditDeckForm slug={deck.slug} markdown={deck.markdown} initialLine={line} />
        </>
      ) : (
        <div className="space-y-3 rounded-md border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <p>
            This deck comes from{" "}
            <code className="rounded bg-stone-100 px-1 dark:bg-stone-800">
              {deck.sourcePath ?? "a notes file"}
            </code>{" "}
            in your notes folder. Edit that file in your own editor: each save is picked up within a second,
            and an open study page shows the new text without a reload.
          </p>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            If a save cannot be read as cards, the deck keeps its last good version and its page shows what
            went wrong.
          </p>
        </div>
      )}
    </>
  );
}

/** A shared deck with accounts on: its notes file is the server's, edited by whoever runs it. */
function SharedDeckNotice({ slug, title }: { slug: string; title: string }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/decks/${slug}`}
          className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          ← {title}
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
      <p className="rounded-md border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        This deck comes from the notes folder shared by everyone on this server, so it cannot be edited here.
        Your progress with it is your own.
      </p>
    </>
  );
}
