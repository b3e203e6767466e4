import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getDeckOptions, getRetentionEstimates } from "@/app/lib/data/settings";
import { DeckOptionsForm } from "@/app/ui/decks/deck-options-form";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Deck options" };

export default async function DeckOptionsPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await requireViewer(`/decks/${slug}/options`);
  const options = await getDeckOptions(viewer.userId, slug);
  if (!options) notFound();
  const { deck, learner, overrides } = options;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/decks/${deck.slug}`}
          className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
        >
          {deck.title}
        </Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Options for {deck.title}</h1>
      <p className="mb-6 text-stone-700 dark:text-stone-300">
        These replace your{" "}
        <Link
          href="/settings"
          className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
        >
          study settings
        </Link>{" "}
        for this deck only. The study day, burying and leeches follow your settings.
      </p>
      <div className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <DeckOptionsForm
          slug={deck.slug}
          learner={learner}
          overrides={overrides}
          retentionEstimates={getRetentionEstimates(viewer.userId, deck.id)}
        />
      </div>
    </>
  );
}
