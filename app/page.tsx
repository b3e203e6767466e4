import { connection } from "next/server";
import { getDecks } from "@/app/lib/data/decks";
import { DeckList } from "@/app/ui/decks/deck-list";
import { EmptyState } from "@/app/ui/decks/empty-state";

export default async function HomePage() {
  // Counts depend on the clock and the database: render per request.
  await connection();
  const now = new Date();
  const decks = await getDecks(now);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Decks</h1>
      {decks.length === 0 ? <EmptyState /> : <DeckList decks={decks} now={now} />}
    </>
  );
}
