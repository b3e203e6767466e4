import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getTrash } from "@/app/lib/data/decks";
import { trashRetentionDays } from "@/app/lib/decks/trash-policy";
import { TrashList } from "@/app/ui/trash/trash-list";

export const metadata: Metadata = { title: "Trash" };

export default async function TrashPage() {
  await connection();
  const viewer = await requireViewer("/trash");
  const now = new Date();
  const decks = await getTrash(viewer, now);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Trash</h1>
      <p className="mt-1 mb-6 text-stone-700 dark:text-stone-300">
        Deleted decks wait here for {trashRetentionDays} days with their cards and your progress, then are
        deleted for good. A deck from your notes folder stays here even if its file is imported again;
        deleting it forever leaves the file, which the next import reads as a new deck.
      </p>
      {decks.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-6 dark:border-stone-700">
          The trash is empty.{" "}
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            Back to your decks
          </Link>
        </p>
      ) : (
        <TrashList decks={decks} now={now} />
      )}
    </>
  );
}
