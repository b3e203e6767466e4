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
 * context (heading path). A basic card whose answer has several blocks (lists, code, paragraphs) and
 * whose question ends in `?` is written as a question heading followed by its answer, placed after
 * the other cards of its section so that nothing else falls into its answer:
 *
 * ```markdown
 * ### Why is the sky blue?
 *
 * - Rayleigh scattering
 * - ...
 * ```
 *
 * Any other side that cannot live in one paragraph loses its blank lines, and lines that would start
 * a block (`- `, `1. `, `#`, `>`, fences) are escaped; `lossy` counts those notes.
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
  /** Notes whose sides had to be flattened into one paragraph (their text changed). */
  lossy: number;
  /** For each note, the 1-based first and last line of its paragraph in `markdown`. */
  noteLines: { start: number; end: number }[];
}

const blockStart = /^(\s{4,}|\t|[-*+](\s|$)|\d{1,9}[.)](\s|$)|#{1,6}(\s|$)|>|```|~~~|\|)/;

/** True when the side reads back as the same text inside one paragraph. */
function fitsParagraph(side: string): boolean {
  return side
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .every(
      (line, index) =>
        line.trim() !== "" && (index === 0 ? !blockStart.test(line.trimStart()) : !blockStart.test(line)),
    );
}

/** No blank lines inside a side (they would end the paragraph, and with it the card), no block starts. */
function compact(side: string): string {
  return side
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .map((line) => (blockStart.test(line.trimStart()) ? `\\${line.trimStart()}` : line))
    .join("\n");
}

const isQuestion = (front: string) => !front.trim().includes("\n") && /[?？]["'”’)\]*_]*$/.test(front.trim());

/** A multi-block answer under its question as a heading (see the module comment). */
function usesHeading(note: MarkdownNote): boolean {
  return (
    note.kind === "basic" && !fitsParagraph(note.back) && fitsParagraph(note.front) && isQuestion(note.front)
  );
}

function notePara(note: MarkdownNote): string {
  const front = compact(note.front);
  if (note.kind === "cloze") return front;
  const back = compact(note.back);
  if (!front.includes("\n") && !back.includes("\n"))
    return `${front} ${note.kind === "reversed" ? ":::" : "::"} ${back}`;
  return `${front}\n${note.kind === "reversed" ? "??" : "?"}\n${back}`;
}

/** Heading-form notes move behind the other notes of their run of equal context. */
function orderForWriting(notes: readonly MarkdownNote[]): number[] {
  const order: number[] = [];
  let run: number[] = [];
  const flush = () => {
    order.push(
      ...run.filter((index) => !usesHeading(notes[index]!)),
      ...run.filter((index) => usesHeading(notes[index]!)),
    );
    run = [];
  };
  notes.forEach((note, index) => {
    const previous = run.length ? notes[run[0]!]! : undefined;
    if (previous && previous.context.join("\0") !== note.context.join("\0")) flush();
    run.push(index);
  });
  flush();
  return order;
}

/** Writes the deck; see the module comment for the format. `noteLines` follows the order of `deck.notes`. */
export function writeExplicitMarkdown(deck: MarkdownDeck): WrittenDeck {
  const meta: Record<string, unknown> = { title: deck.title };
  if (deck.slug) meta.slug = deck.slug;
  if (deck.description) meta.description = deck.description;
  if (deck.tags?.length) meta.tags = deck.tags;
  const blocks: string[] = [`---\n${stringify(meta).trimEnd()}\n---`];
  const noteLines: WrittenDeck["noteLines"] = [];
  let line = blocks[0]!.split("\n").length + 2;
  let context: string[] = [];
  let lossy = 0;
  const push = (block: string) => {
    blocks.push(block);
    const start = line;
    line += block.split("\n").length + 1;
    return { start, end: line - 2 };
  };
  const order = orderForWriting(deck.notes);
  for (const index of order) {
    const note = deck.notes[index]!;
    let shared = 0;
    while (
      shared < context.length &&
      shared < note.context.length &&
      context[shared] === note.context[shared]
    )
      shared++;
    if (shared < context.length || shared < note.context.length) {
      // A heading for each level that changed; a shallower path needs no heading of its own.
      for (let depth = shared; depth < note.context.length; depth++)
        push(`${"#".repeat(Math.min(depth + 2, 6))} ${note.context[depth]}`);
      context = note.context;
    }
    if (usesHeading(note)) {
      const heading = push(`${"#".repeat(Math.min(note.context.length + 2, 6))} ${note.front.trim()}`);
      const answer = push(note.back.replace(/\r\n?/g, "\n").trim());
      noteLines[index] = { start: heading.start, end: answer.end };
      continue;
    }
    if (!fitsParagraph(note.front) || (note.kind !== "cloze" && !fitsParagraph(note.back))) lossy++;
    noteLines[index] = push(notePara(note));
  }
  return { markdown: `${blocks.join("\n\n")}\n`, noteLines, lossy };
}
