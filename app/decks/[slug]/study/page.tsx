import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getVisibleDeck } from "@/app/lib/data/decks";
import { getStudyQueue } from "@/app/lib/data/study-queue";
import { renderFaces } from "@/app/ui/study/render-faces";
import { StudySession } from "@/app/ui/study/study-session";
import { ModeSwitcher } from "@/app/ui/study/modes/mode-switcher";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await requireViewer(`/decks/${slug}/study`);
  // Another learner's private deck is not found, whatever the queue read makes of its slug.
  if (!(await getVisibleDeck(viewer.userId, slug))) notFound();
  const queue = await getStudyQueue(viewer.userId, slug);
  // In the trash or its file gone: the deck page says why and what to do.
  if (!queue) redirect(`/decks/${slug}`);
  // A new load (after saving grades left from an earlier visit) starts a fresh session.
  return (
    <>
      <StudySession key={queue.loadedAt} queue={queue} faces={renderFaces(queue.cards)} />
      {queue.quiz ? <ModeSwitcher deckId={queue.deck.id} settings={queue.quiz} /> : null}
    </>
  );
}
