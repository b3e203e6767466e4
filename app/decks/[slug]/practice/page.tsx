import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPracticeQueue } from "@/app/lib/data/practice";
import { parsePracticeQuery } from "@/app/lib/study/practice-query";
import { PracticeForm } from "@/app/ui/study/practice-form";
import { renderFaces } from "@/app/ui/study/render-faces";
import { StudySession } from "@/app/ui/study/study-session";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Practice" };

/** Cram a deck or review ahead in the study screen, with nothing saved. */
export default async function PracticePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { choice, error } = parsePracticeQuery(await searchParams);
  const practice = await getPracticeQueue(slug, choice);
  if (!practice) notFound();
  const { queue, total } = practice;
  return (
    <>
      <p
        data-testid="practice-banner"
        className="mb-3 rounded-lg border border-violet-300 bg-violet-50 px-3 py-2 text-sm font-medium text-violet-950 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100"
      >
        Practice — your schedule is not changed
      </p>
      <PracticeForm slug={queue.deck.slug} choice={choice} error={error} />
      {total > queue.cards.length ? (
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          The first {queue.cards.length.toLocaleString("en")} of {total.toLocaleString("en")} cards.
        </p>
      ) : null}
      <StudySession
        key={`${queue.loadedAt}`}
        queue={queue}
        faces={renderFaces(queue.cards)}
        saveMode="practice"
      />
    </>
  );
}
