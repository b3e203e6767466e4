import type { Metadata } from "next";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { AddDeckForm } from "@/app/ui/add-deck/add-deck-form";

export const metadata: Metadata = { title: "Add a deck" };

export default async function NewDeckPage() {
  await connection();
  // A deck added here is the viewer's own: signed out with accounts on, sign in first.
  await requireViewer("/decks/new");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold tracking-tight">Add a deck</h1>
      <p className="mb-6 text-stone-700 dark:text-stone-300">
        Paste your notes as markdown or add .md files. The preview shows the cards they make before anything
        is saved.
      </p>
      <AddDeckForm />
    </>
  );
}
