/**
 * A stored deck read back as notes: the two cards of a reversed pair become one note again, and the
 * cards of a cloze paragraph become one note whose text (with its `{{cN::...}}` / `==...==` markup)
 * is taken from the deck's markdown source, since the cards themselves only hold the rendered sides.
 */
import type { Paragraph } from "mdast";
import { parseDeck, repairMojibake } from "@/app/lib/cards";
import { parseMarkdown } from "@/app/lib/cards/markdown";
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { visit } from "unist-util-visit";
import { ExportError } from "./errors";
import type { MarkdownNote } from "./explicit-markdown";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

export interface ExportCard {
  id: string;
  key: string;
  kind: "basic" | "reversed" | "cloze";
  front: string;
  back: string;
  context: string[];
  line: number;
  position: number;
}

export interface ExportNote extends MarkdownNote {
  /** The note's cards in the order the parser yields them. */
  cards: ExportCard[];
  /** For a cloze note: whether `front` is the source paragraph (false: the cloze text could not be recovered). */
  clozeSource?: boolean;
}

export interface ExportDeck {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  tags: string[];
  source: string | null;
  cards: ExportCard[];
}

/**
 * A deck `userId` can see and its live cards (retired ones are not exported), in file order. Another
 * learner's private deck is an unknown deck, so its existence does not leak.
 */
export async function loadExportDeck(prisma: Db, slug: string, userId: string): Promise<ExportDeck> {
  const deck = await prisma.deck.findFirst({
    where: { slug, ...visibleDeckWhere(userId) },
    // A term card's stored reverse direction is not a note of the file: the term card exports it.
    include: { cards: { where: { retiredAt: null, ...notReverseCard }, orderBy: { position: "asc" } } },
  });
  if (!deck) throw new ExportError(`No deck with slug "${slug}"`);
  return {
    id: deck.id,
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    tags: JSON.parse(deck.tags) as string[],
    source: deck.source,
    cards: deck.cards.map((card) => ({
      id: card.id,
      key: card.key,
      kind: card.kind as ExportCard["kind"],
      front: card.front,
      back: card.back,
      context: JSON.parse(card.context) as string[],
      line: card.line,
      position: card.position,
    })),
  };
}

/** Source text of the innermost paragraph starting on each line, as the parser numbers lines. */
function paragraphsByLine(source: string | null): Map<number, string> {
  const byLine = new Map<number, string>();
  if (!source) return byLine;
  const text = repairMojibake(source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  visit(parseMarkdown(text), "paragraph", (node: Paragraph) => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    byLine.set(start.line, text.slice(start.offset, end.offset));
  });
  return byLine;
}

/** True when the paragraph, parsed on its own, yields exactly these cloze cards. */
function yieldsClozes(paragraph: string, cards: ExportCard[]): boolean {
  const parsed = parseDeck(paragraph).cards;
  return (
    parsed.length === cards.length &&
    parsed.every(
      (card, i) => card.kind === "cloze" && card.front === cards[i]!.front && card.back === cards[i]!.back,
    )
  );
}

/** Groups a deck's cards into notes; see the module comment. */
export function groupNotes(deck: ExportDeck): ExportNote[] {
  const paragraphs = paragraphsByLine(deck.source);
  const notes: ExportNote[] = [];
  const cards = deck.cards;
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    const base = { front: card.front, back: card.back, context: card.context };
    if (card.kind === "reversed") {
      const partner = cards[i + 1];
      const paired =
        partner?.kind === "reversed" &&
        partner.line === card.line &&
        partner.front === card.back &&
        partner.back === card.front;
      notes.push({ ...base, kind: "reversed", cards: paired ? [card, partner] : [card] });
      if (paired) i++;
      continue;
    }
    if (card.kind === "cloze") {
      const group = [card];
      while (
        cards[i + 1]?.kind === "cloze" &&
        cards[i + 1]!.line === card.line &&
        cards[i + 1]!.back === card.back
      )
        group.push(cards[++i]!);
      const paragraph = paragraphs.get(card.line);
      if (paragraph !== undefined && yieldsClozes(paragraph, group)) {
        notes.push({
          kind: "cloze",
          front: paragraph,
          back: "",
          context: card.context,
          cards: group,
          clozeSource: true,
        });
      } else {
        notes.push(
          ...group.map((one) => ({
            kind: "cloze" as const,
            front: one.front,
            back: one.back,
            context: one.context,
            cards: [one],
            clozeSource: false,
          })),
        );
      }
      continue;
    }
    notes.push({ ...base, kind: "basic", cards: [card] });
  }
  return notes;
}
