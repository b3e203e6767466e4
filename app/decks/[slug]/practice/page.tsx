import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getPracticeQueue } from "@/app/lib/data/practice";
import { parsePracticeQuery } from "@/app/lib/study/practice-query";
import { PracticeScreen } from "@/app/ui/study/practice-screen";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Practice" };

/** Cram a deck or review ahead in the study screen, with nothing saved. */
export default async function PracticePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await requireViewer(`/decks/${slug}/practice`);
  const { choice, error } = parsePracticeQuery(await searchParams);
  const practice = await getPracticeQueue(viewer.userId, slug, choice);
  if (!practice) notFound();
  return (
    <PracticeScreen practice={practice} action={`/decks/${slug}/practice`} choice={choice} error={error} />
  );
}
