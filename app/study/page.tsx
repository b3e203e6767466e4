import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getStudyAllQueue } from "@/app/lib/data/study-all";
import { renderFaces } from "@/app/ui/study/render-faces";
import { StudySession } from "@/app/ui/study/study-session";
import { BatchNote } from "@/app/ui/study/batch-note";

export const metadata: Metadata = { title: "Study all" };

/** Every deck's due cards in one session, a batch at a time. */
export default async function StudyAllPage() {
  await connection();
  const viewer = await requireViewer("/study");
  const queue = await getStudyAllQueue(viewer.userId);
  return (
    <>
      <StudySession key={queue.loadedAt} queue={queue} faces={renderFaces(queue.cards)} />
      {queue.scope ? <BatchNote count={queue.cards.length} {...queue.scope} /> : null}
      <p className="mt-4 text-center text-sm text-stone-600 dark:text-stone-400">
        To go over cards that are not due,{" "}
        <Link href="/study/practice" className="text-indigo-700 underline dark:text-indigo-300">
          practise all decks
        </Link>{" "}
        (your schedule is not changed).
      </p>
    </>
  );
}
