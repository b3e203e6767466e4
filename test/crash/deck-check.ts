/**
 * Is the deck a killed import left behind whole? The crash test imports the large package of
 * test/fixtures/anki/large-apkg.ts, version 1 or 2, into an empty database or over version 1, so a
 * whole deck is one of those versions exactly:
 *
 * - its live cards are that version's cards: as many as the package has, with version 2's revised
 *   answers on exactly the cards that have them in version 2 (none in version 1);
 * - every live card has one state for the learner (every card of the package has grades), and each
 *   state's `reps` equals the review logs its card has (a card's history came in with its state);
 * - on a fresh import, the review logs are exactly the package's grades;
 * - with `media`, every image a card shows is on disk with the bytes of the deck's version.
 *
 * Everything is read from the database and the media folder, nothing from the importer.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/app/lib/database/client";
import type { LargeApkg } from "@/test/fixtures/anki/large-apkg";

export type DeckOutcome = "no deck" | "version 1" | "version 2";

export interface DeckCheck {
  outcome: DeckOutcome;
  /** Why the deck is not whole; empty when it is. */
  problems: string[];
}

export interface CheckOptions {
  versions: { 1: LargeApkg; 2: LargeApkg };
  /** Version 1 was imported (whole) before this run: the deck must exist, as version 1 or 2. */
  overVersion1: boolean;
  /** Check the media folder too (after the next start, which finishes or discards staged media). */
  media: { dir: string } | null;
}

const mediaRef = /\/media\/([^/\s)]+)\/([^/\s)]+)/g;

/** Checks every deck of the database; see the module comment. */
export async function checkDecks(prisma: Db, options: CheckOptions): Promise<DeckCheck> {
  const decks = await prisma.deck.findMany({ select: { id: true, slug: true, source: true } });
  if (decks.length === 0) {
    return {
      outcome: "no deck",
      problems: options.overVersion1 ? ["the deck imported before this run is gone"] : [],
    };
  }
  if (decks.length > 1) return { outcome: "no deck", problems: [`${decks.length} decks, expected one`] };
  const deck = decks[0]!;
  const version = deck.source?.includes("Revised answer") ? 2 : 1;
  const outcome: DeckOutcome = version === 2 ? "version 2" : "version 1";
  const facts = options.versions[version];
  const problems: string[] = [];

  const cards = await prisma.card.findMany({
    where: { deckId: deck.id, retiredAt: null },
    select: { id: true, front: true, back: true },
  });
  if (cards.length !== facts.cards)
    problems.push(`${cards.length} live cards, ${outcome} has ${facts.cards}`);
  const revised = cards.filter((card) => card.back.startsWith("Revised answer")).length;
  if (revised !== facts.revisedAnswers)
    problems.push(`${revised} cards with a revised answer, ${outcome} has ${facts.revisedAnswers}`);

  const states = await prisma.cardState.findMany({
    where: { userId: "local", card: { deckId: deck.id } },
    select: { cardId: true, reps: true },
  });
  const repsByCard = new Map(states.map((state) => [state.cardId, state.reps]));
  const stateless = cards.filter((card) => !repsByCard.has(card.id)).length;
  if (stateless) problems.push(`${stateless} live cards have no state`);

  const logCounts = await prisma.reviewLog.groupBy({
    by: ["cardId"],
    where: { userId: "local", card: { deckId: deck.id } },
    _count: { _all: true },
  });
  const logsByCard = new Map(logCounts.map((row) => [row.cardId, row._count._all]));
  const mismatched = [...repsByCard].filter(([cardId, reps]) => (logsByCard.get(cardId) ?? 0) !== reps);
  if (mismatched.length)
    problems.push(`${mismatched.length} states whose reps differ from their review logs`);
  const orphanLogs = [...logsByCard.keys()].filter((cardId) => !repsByCard.has(cardId)).length;
  if (orphanLogs) problems.push(`${orphanLogs} cards have review logs but no state`);
  const logs = [...logsByCard.values()].reduce((sum, count) => sum + count, 0);
  if (!options.overVersion1 && logs !== facts.reviews)
    problems.push(`${logs} review logs, ${outcome} has ${facts.reviews} grades`);

  if (options.media) {
    let shown = 0;
    let missing = 0;
    let stale = 0;
    for (const card of cards) {
      for (const [, slug, file] of `${card.front}\n${card.back}`.matchAll(mediaRef)) {
        shown++;
        const name = decodeURIComponent(file!);
        const want = facts.images.get(name);
        const bytes = await readFile(path.join(options.media.dir, decodeURIComponent(slug!), name)).catch(
          () => null,
        );
        if (!bytes) missing++;
        else if (!want || !Buffer.from(want).equals(bytes)) stale++;
      }
    }
    if (shown !== facts.images.size)
      problems.push(`cards show ${shown} images, ${outcome} has ${facts.images.size}`);
    if (missing) problems.push(`${missing} images the cards show are missing`);
    if (stale) problems.push(`${stale} images on disk are not ${outcome}'s`);
  }
  return { outcome, problems };
}
