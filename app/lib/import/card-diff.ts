import type { ParsedCard } from "@/app/lib/cards/types";
import { isReverseKey, reverseKeySuffix } from "@/app/lib/study/quiz-mode";

/** The stored fields of a card that come from the markdown. */
export interface CardFields {
  key: string;
  kind: string;
  front: string;
  back: string;
  /** JSON array of headings, as stored. */
  context: string;
  line: number;
  position: number;
}

/** A stored card as far as the diff needs it. */
export interface ExistingCard extends CardFields {
  id: string;
  retiredAt: Date | null;
}

export interface CardPlan {
  create: CardFields[];
  /** Cards whose content or place changed, or that come back after being retired. */
  update: { id: string; fields: CardFields }[];
  /** Ids of live cards whose key is gone from the file. */
  retire: string[];
  unchanged: number;
}

/** The row fields of each parsed card, in file order. */
export function toCardFields(cards: readonly ParsedCard[]): CardFields[] {
  return cards.map((card, position) => ({
    key: card.key,
    kind: card.kind,
    front: card.front,
    back: card.back,
    context: JSON.stringify(card.context),
    line: card.line,
    position,
  }));
}

/**
 * The definition -> term direction of each term card, stored as a card of its own so that it has
 * its own schedule: kind "reversed", sides swapped, key `<term card's key>#reverse`, placed after
 * every card of the file (a learner who studies both ways meets a term before its definition).
 * Hidden from study unless the learner turns reversed study on for the deck.
 */
export function reverseCardFields(cards: readonly ParsedCard[]): CardFields[] {
  const keys = new Set(cards.map((card) => card.key));
  const reverse: CardFields[] = [];
  for (const card of cards) {
    const key = card.key + reverseKeySuffix;
    if (!card.term || keys.has(key)) continue;
    reverse.push({
      key,
      kind: "reversed",
      front: card.back,
      back: card.front,
      context: JSON.stringify(card.context),
      line: card.line,
      position: cards.length + reverse.length,
    });
  }
  return reverse;
}

/**
 * {@link planCards} for the file's cards and, apart, for their reverse directions, so that the
 * counts an import reports are the file's cards only; both plans are written together.
 */
export function planDeckCards(cards: readonly ParsedCard[], existing: readonly ExistingCard[]) {
  const forward = planCards(
    toCardFields(cards),
    existing.filter((card) => !isReverseKey(card.key)),
  );
  const reverse = planCards(
    reverseCardFields(cards),
    existing.filter((card) => isReverseKey(card.key)),
  );
  const write: CardPlan = {
    create: [...forward.create, ...reverse.create],
    update: [...forward.update, ...reverse.update],
    retire: [...forward.retire, ...reverse.retire],
    unchanged: forward.unchanged + reverse.unchanged,
  };
  return { forward, write };
}

function sameFields(a: CardFields, b: CardFields): boolean {
  return (
    a.kind === b.kind &&
    a.front === b.front &&
    a.back === b.back &&
    a.context === b.context &&
    a.line === b.line &&
    a.position === b.position
  );
}

/**
 * What to write so that the deck's cards match the file. Cards are matched by `key` against every
 * stored card, retired ones included, so a card whose front comes back gets its old row (and with it
 * its review history) back. Nothing is ever deleted. Keys must be unique in `incoming`.
 */
export function planCards(incoming: readonly CardFields[], existing: readonly ExistingCard[]): CardPlan {
  const byKey = new Map(existing.map((card) => [card.key, card]));
  const plan: CardPlan = { create: [], update: [], retire: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const fields of incoming) {
    seen.add(fields.key);
    const stored = byKey.get(fields.key);
    if (!stored) plan.create.push(fields);
    else if (stored.retiredAt !== null || !sameFields(stored, fields))
      plan.update.push({ id: stored.id, fields });
    else plan.unchanged++;
  }
  for (const card of existing) {
    if (!seen.has(card.key) && card.retiredAt === null) plan.retire.push(card.id);
  }
  return plan;
}
