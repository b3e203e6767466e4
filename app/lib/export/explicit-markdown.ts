/**
 * Writes a deck as markdown in this app's explicit card syntax, the form both the Anki import and
 * the markdown export produce, so that parsing the result gives back the same cards:
 *
 * ```markdown
 * ---
 * title: Spanish
 * slug: spanish
 * ---
 *
 * ## Context heading
 *
 * front :: back              one-line basic card
 * front ::: back             one-line note studied both ways (two "reversed" cards)
 *
 * first front line           multi-line card: `?` (or `??` both ways) between the sides
 * ?
 * first back line
 *
 * The {{c1::capital}} of {{c2::France}}   a cloze note, one card per number
 * ```
 *
 * Each note is one paragraph, so no side may contain a blank line; headings reproduce each card's
 * context (heading path).
 */
import { stringify } from "yaml";

export interface MarkdownNote {
  kind: "basic" | "reversed" | "cloze";
  /** Markdown of the front side; for a cloze, the text with its `{{cN::...}}` / `==...==` markup. */
  front: string;
  /** Markdown of the back side; ignored for a cloze. */
  back: string;
  /** Heading path, outermost first. */
  context: string[];
}

export interface MarkdownDeck {
  title: string;
  slug?: string;
  description?: string | null;
  tags?: string[];
  notes: MarkdownNote[];
}

export interface WrittenDeck {
  markdown: string;
  /** For each note, the 1-based first and last line of its paragraph in `markdown`. */
  noteLines: { start: number; end: number }[];
}

/** No blank lines inside a side: they would end the paragraph, and with it the card. */
function compact(side: string): string {
  return side
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .join("\n");
}

function notePara(note: MarkdownNote): string {
  const front = compact(note.front);
  if (note.kind === "cloze") return front;
  const back = compact(note.back);
  if (!front.includes("\n") && !back.includes("\n")) return `${front} ${note.kind === "reversed" ? ":::" : "::"} ${back}`;
  return `${front}\n${note.kind === "reversed" ? "??" : "?"}\n${back}`;
}

/** Writes the deck; see the module comment for the format. */
export function writeExplicitMarkdown(deck: MarkdownDeck): WrittenDeck {
  const meta: Record<string, unknown> = { title: deck.title };
  if (deck.slug) meta.slug = deck.slug;
  if (deck.description) meta.description = deck.description;
  if (deck.tags?.length) meta.tags = deck.tags;
  const blocks: string[] = [`---\n${stringify(meta).trimEnd()}\n---`];
  const noteLines: WrittenDeck["noteLines"] = [];
  let line = blocks[0]!.split("\n").length + 2;
  let context: string[] = [];
  const push = (block: string) => {
    blocks.push(block);
    const start = line;
    line += block.split("\n").length + 1;
    return { start, end: line - 2 };
  };
  for (const note of deck.notes) {
    let shared = 0;
    while (shared < context.length && shared < note.context.length && context[shared] === note.context[shared]) shared++;
    if (shared < context.length || shared < note.context.length) {
      // A heading for each level that changed; a shallower path needs no heading of its own.
      for (let depth = shared; depth < note.context.length; depth++) push(`${"#".repeat(Math.min(depth + 2, 6))} ${note.context[depth]}`);
      context = note.context;
    }
    noteLines.push(push(notePara(note)));
  }
  return { markdown: `${blocks.join("\n\n")}\n`, noteLines };
}
