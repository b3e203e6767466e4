import type { Metadata } from "next";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getPracticeQueue } from "@/app/lib/data/practice";
import { parsePracticeQuery } from "@/app/lib/study/practice-query";
import { PracticeScreen } from "@/app/ui/study/practice-screen";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Practice all" };

/** Every deck's cards (or those due within some days) in one practice round, with nothing saved. */
export default async function PracticeAllPage({ searchParams }: Props) {
  await connection();
  const viewer = await requireViewer("/study/practice");
  const { choice, error } = parsePracticeQuery(await searchParams);
  const practice = await getPracticeQueue(viewer.userId, null, choice);
  return <PracticeScreen practice={practice!} action="/study/practice" choice={choice} error={error} />;
}
