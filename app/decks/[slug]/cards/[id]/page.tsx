import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getCardHistory } from "@/app/lib/data/stats";
import { CardHistoryView } from "@/app/ui/stats/card-history-view";

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata: Metadata = { title: "Card history" };

export default async function CardHistoryPage({ params }: Props) {
  await connection();
  const { slug, id } = await params;
  const viewer = await requireViewer(`/decks/${slug}/cards/${id}`);
  const now = new Date();
  const history = await getCardHistory(viewer.userId, slug, id, now);
  if (!history) notFound();
  return (
    <>
      <p className="text-sm">
        <Link
          href={`/decks/${history.card.deck.slug}`}
          className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
        >
          <span aria-hidden="true">← </span>
          {history.card.deck.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Card history</h1>
      <CardHistoryView history={history} now={now} />
    </>
  );
}
