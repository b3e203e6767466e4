import type { ParsedCard } from "@/app/lib/cards/types";
import { CardMarkdown } from "@/app/ui/markdown/card-markdown";
import type { DeckPreviewResult } from "./use-deck-preview";

// Enough to check a deck at a glance without rendering thousands of cards on each keystroke.
const maxPreviewCards = 150;

interface CardGroup {
  heading: string;
  cards: ParsedCard[];
}

/** Cards grouped by the heading path they sit under, in the order the groups first appear. */
function groupByHeading(cards: readonly ParsedCard[]): CardGroup[] {
  const groups = new Map<string, CardGroup>();
  for (const card of cards) {
    const heading = card.context.join(" › ");
    let group = groups.get(heading);
    if (!group) {
      group = { heading, cards: [] };
      groups.set(heading, group);
    }
    group.cards.push(card);
  }
  return [...groups.values()];
}

const kindLabel: Record<ParsedCard["kind"], string> = { basic: "Q&A", reversed: "Both ways", cloze: "Cloze" };

/** What saving would create: title, cards under their headings, and the parser's warnings by line. */
export function DeckPreview({ preview }: { preview: DeckPreviewResult }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      {preview.status === "empty" && (
        <p className="text-stone-600 dark:text-stone-400">
          The cards your markdown makes appear here as you type.
        </p>
      )}
      {preview.status === "error" && (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {preview.message}
        </p>
      )}
      {preview.status === "ok" && <ParsedDeckPreview deck={preview.deck} />}
    </section>
  );
}

function ParsedDeckPreview({ deck }: { deck: Extract<DeckPreviewResult, { status: "ok" }>["deck"] }) {
  const shown = deck.cards.slice(0, maxPreviewCards);
  const groups = groupByHeading(shown);
  const facts = deck.cards.filter((card) => card.fact).length;
  return (
    <>
      <div>
        <p className="text-xl font-bold tracking-tight">{deck.title}</p>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {deck.cards.length} {deck.cards.length === 1 ? "card" : "cards"}
          {deck.warnings.length > 0 &&
            ` · ${deck.warnings.length} ${deck.warnings.length === 1 ? "warning" : "warnings"}`}
          {deck.tags.length > 0 && ` · ${deck.tags.map((tag) => `#${tag}`).join(" ")}`}
        </p>
        {facts > 0 && (
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {facts} {facts === 1 ? "card comes" : "cards come"} from bold or code in your prose. To leave such
            cards out, start the note with <code>---</code>, <code>facts: false</code>, <code>---</code>.
          </p>
        )}
      </div>

      {deck.warnings.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
          <h3 className="mb-1 font-semibold text-amber-900 dark:text-amber-100">Warnings</h3>
          <ul className="space-y-1 text-sm text-amber-900 dark:text-amber-100" aria-label="Warnings">
            {deck.warnings.map((warning, index) => (
              <li key={`${warning.line}-${index}`}>
                <span className="font-mono font-semibold">Line {warning.line}:</span> {warning.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {groups.map((group) => (
        <section
          key={group.heading}
          aria-label={group.heading || "Cards without a heading"}
          className="space-y-2"
        >
          <h3 className="border-b border-stone-200 pb-1 font-semibold text-stone-800 dark:border-stone-800 dark:text-stone-200">
            {group.heading || "No heading"}
          </h3>
          <ol className="space-y-2">
            {group.cards.map((card) => (
              <li
                key={`${card.key}-${card.line}`}
                className="rounded-md border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900"
              >
                <p className="mb-1 text-xs text-stone-500 dark:text-stone-400">
                  Line {card.line} · {kindLabel[card.kind]}
                  {card.fact && " · fact from prose"}
                </p>
                <div className="[&_.card-markdown]:text-base">
                  <CardMarkdown source={card.front} highlight="blank" />
                </div>
                <div className="mt-2 border-t border-dashed border-stone-200 pt-2 text-stone-700 dark:border-stone-700 dark:text-stone-300 [&_.card-markdown]:text-base">
                  <CardMarkdown source={card.back} />
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {deck.cards.length > shown.length && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          …and {deck.cards.length - shown.length} more cards.
        </p>
      )}
    </>
  );
}
