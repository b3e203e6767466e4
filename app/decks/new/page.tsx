import type { Metadata } from "next";
import { AddDeckForm } from "@/app/ui/add-deck/add-deck-form";

export const metadata: Metadata = { title: "Add a deck" };

export default function NewDeckPage() {
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
