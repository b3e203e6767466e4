/**
 * Markdown notes -> flashcards. `parseDeck(markdown, { fileName })` reads one note file and returns the
 * deck's metadata, its cards in document order (each with its source line and heading path) and
 * warnings for things that look like cards but cannot be. Pure: no I/O.
 *
 * The parser reads notes as a person does, in three layers (each file documents its own part):
 * 1. outline/   markdown -> an outline of sections, paragraphs, list items (lead apart from what is
 *               nested), callouts, `<details>` and Obsidian_to_Anki notes, after repairing what people
 *               type that CommonMark reads otherwise (`###Term`, a note indented four spaces, pipe rows
 *               without a delimiter row, lines typed under a table, kramdown/Liquid/LaTeX noise).
 * 2. prompts/   what each place that can hold a prompt is: a question, a term, a label, a question
 *               about the learner, or nothing, from its own form (read.ts) and from its siblings
 *               (classify.ts: a weak form counts only where the prompts around it share it).
 * 3. emit/      the decided prompts and the bodies under them -> cards and warnings.
 *
 * Deck metadata
 * - YAML front matter `title`, `slug`, `tags` (list, or comma/space separated), `description`,
 *   `facts: false` (no cloze cards from prose) and the Spaced Repetition plugin's separators
 *   (`separator: ";;"`). Broken YAML throws DeckParseError naming the file and line. TOML (`+++`)
 *   front matter is skipped.
 * - Title: front matter, else the first H1, else the file name made readable (`cell-biology.md` ->
 *   "Cell Biology"). Slug: front matter, else the file name, else the title. The title H1 is no
 *   card's context, but is a term card itself when its body defines it (`# Photosynthesis` /
 *   `Photosynthesis is ...`).
 * - Text that was UTF-8 decoded as Windows-1252 (`â€”`, `Ã©`) is repaired first. A note over
 *   MAX_NOTE_BYTES (2 MiB) is refused before parsing.
 * - Obsidian syntax: `[[Note|shown]]` wikilinks read as the text shown, `^block-id` anchors,
 *   `%% comments %%`, `<!-- comments -->`, `#tags` closing a line and Dataview `key:: [[link]]`
 *   properties stay off cards.
 *
 * What becomes a card (explicit syntax wins over the implicit forms for its paragraph; a block used
 * as an answer makes no other card unless said):
 * - Questions: a heading, bullet, bold line, paragraph, callout title (`> [!question]`) or
 *   `<details>` summary that asks: ends in `?` (or `?:`, or `? (2 marks)`), an exam prompt (`Explain`,
 *   `Describe`, `Define`, `List the`, `Briefly discuss`, `Give a` ...), an unmarked question (`what is
 *   a monomer`, `how to ...`), `Q:` / `A:` labels (and Anki's `Front:` / `Back:`), a line a
 *   flashcard tag marks (`... #anki`), or a numbered prompt among numbered questions (`## 12)
 *   Clustered vs non-clustered index`). Hand numbering (`1.`, `Q1.`, `3)`, `1-`), bold around the
 *   question and decorative emoji are dropped.
 *   The answer: the rest of the line or item, what is nested under it, the section under a heading
 *   (to the next heading of its level or a `---`), or the block after a paragraph that only asks
 *   (with an `Answer:` label dropped).
 * - Multiple choice with the right option marked (`-> B ...`, `--> C ...`, `(correct)`, `**b) ...**`)
 *   or keyed (`Answer: b`, also in a `<details>` toggle under a question heading, whose code then
 *   goes on the front): the back is that option.
 * - Terms: `**Term**: definition` (also `__Term__`, `*Term*:`, `**Term** - / – / — / -> / =`, a
 *   bold term alone over its definition), and in a run of them `Term: definition`, `Term - def`,
 *   `term -> meaning`, `term = meaning`, `汉字 pīnyīn - meaning`, `Yo is I.`, a term alone over
 *   nested bullets, a heading over the paragraph that defines it (`### Mitochondria`), a `> [!def]`
 *   callout, Pandoc definition lists, and two-column tables (or a table's `Description` column).
 * - Explicit syntax: Obsidian Spaced Repetition (`front::back`, `front:::back`, multi-line cards around
 *   a `?` / `??` line), Obsidian_to_Anki notes (`START` ... `END`, `%%ANKI` ... `END%%`), and clozes
 *   (`==highlight==`, `{{c1::text::hint}}`); near misses (`{{text}}`) get a warning.
 * - Facts in prose: in a paragraph or item that holds no prompt, each sentence with **bold** or
 *   `inline code` in it is one cloze card, its spans hidden together (cards carry `fact: true`).
 * Never cards: labels (`Note:`, `Syntax:`, `References`, `Week 3`), questions about the learner or the
 * note (`What do you already know about ...?`, `What does this contain?`), to-do items, headings over
 * cards only, link lists, code and HTML on their own, score and progress lines (`Correct : 11`,
 * `Topic - Done.`).
 *
 * Card keys (identity within the deck): the normalised front (NFC, case-folded, emphasis dropped,
 * whitespace collapsed); `cloze:<n>:<front with [...]>` for clozes; `reversed:forward|backward:<first
 * side>` for reversed pairs. The answer is never part of the key. A card repeated word for word is
 * dropped with a warning; the same front with another answer is kept, its key numbered (`#2`).
 */
import type { Heading, Root } from "mdast";
import { emitCards } from "./emit/emit";
import { Collector, type CardDraft } from "./emit/collector";
import { baseName, humaniseFileName, toSlug } from "./deck-meta";
import { readFrontMatter, type FrontMatter } from "./front-matter";
import { normaliseForKey } from "./key";
import { deepestNesting, formatBytes, MAX_NESTING, MAX_NOTE_BYTES } from "./limits";
import { parseMarkdown } from "./markdown";
import { repairMojibake } from "./mojibake";
import { readOutline } from "./outline/outline";
import { repairTree } from "./outline/repair";
import { plainText } from "./phrasing";
import { classify } from "./prompts/classify";
import { DEFAULT_SEPARATORS, separatorsInUse, type Separators } from "./prompts/explicit";
import { isQuestionText } from "./prompts/questions";
import {
  DeckParseError,
  type ParseOptions,
  type ParsedCard,
  type ParsedDeck,
  type ParseWarning,
} from "./types";

export * from "./types";
export { repairMojibake } from "./mojibake";
export { MAX_NOTE_BYTES } from "./limits";

function cardKey(draft: CardDraft): string {
  const { identity } = draft;
  if (identity.type === "cloze") return `cloze:${identity.group}:${normaliseForKey(identity.keyFront)}`;
  if (identity.type === "reversed") return `reversed:${identity.direction}:${normaliseForKey(identity.base)}`;
  // A front of punctuation only (`-`, `*` in an operator table) normalises to nothing: keep it as written.
  return normaliseForKey(draft.front) || draft.front.trim();
}

/**
 * Keys every card. A card repeated word for word keeps the first and warns; the same front with a
 * different answer (`Give a real world example.` after two questions) is a card of its own, its key
 * numbered (`#2`) so each keeps its history.
 */
/** An answer compared for repeats: spacing aside (no markdown parse: this runs for every card). */
const sameText = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

function keyCards(drafts: CardDraft[], warnings: ParseWarning[]): ParsedCard[] {
  const seen = new Map<string, { line: number; backs: Set<string> }>();
  const cards: ParsedCard[] = [];
  for (const draft of drafts) {
    const base = cardKey(draft);
    const earlier = seen.get(base);
    if (earlier?.backs.has(sameText(draft.back))) {
      warnings.push({
        line: draft.line,
        message: `Duplicate card (same front and answer as line ${earlier.line}); kept the first`,
      });
      continue;
    }
    const key = earlier ? `${base}#${earlier.backs.size + 1}` : base;
    if (earlier) {
      earlier.backs.add(sameText(draft.back));
      warnings.push({
        line: draft.line,
        message: `Same front as line ${earlier.line} with another answer; both kept`,
      });
    } else {
      seen.set(base, { line: draft.line, backs: new Set([sameText(draft.back)]) });
    }
    const { kind, front, back, line, context, fact, term } = draft;
    cards.push({
      kind,
      front,
      back,
      line,
      context,
      key,
      ...(fact ? { fact: true as const } : {}),
      ...(term ? { term: true as const } : {}),
    });
  }
  return cards;
}

/**
 * The H1 that names the deck: the first H1, unless it is a question (then it is a card). When front
 * matter already gives the title, the H1 only counts as the title if it says the same or is the only H1.
 */
function titleHeadingOf(tree: Root, frontMatterTitle: string | undefined): Heading | undefined {
  const h1s = tree.children.filter((node): node is Heading => node.type === "heading" && node.depth === 1);
  const heading = h1s[0];
  if (!heading || isQuestionText(plainText(heading.children))) return undefined;
  if (frontMatterTitle === undefined || h1s.length === 1) return heading;
  return normaliseForKey(plainText(heading.children)) === normaliseForKey(frontMatterTitle)
    ? heading
    : undefined;
}

function separatorsOf(meta: FrontMatter): Separators {
  const own = meta.separators ?? {};
  return {
    inline: own.inline ?? DEFAULT_SEPARATORS.inline,
    inlineReversed:
      own.inlineReversed ??
      (own.inline ? own.inline + own.inline.charAt(0) : DEFAULT_SEPARATORS.inlineReversed),
    multiline: own.multiline ?? DEFAULT_SEPARATORS.multiline,
    multilineReversed:
      own.multilineReversed ??
      (own.multiline ? own.multiline.repeat(2) : DEFAULT_SEPARATORS.multilineReversed),
  };
}

/**
 * Parses one markdown file into a deck: metadata, cards in document order, and warnings. Throws
 * DeckParseError (naming the file) for broken front matter or a note over MAX_NOTE_BYTES.
 * @example parseDeck("# Networking\n\n- **What is a port?**\n  A numbered endpoint.", { fileName: "net.md" })
 *   // -> { title: "Networking", slug: "net", cards: [{ kind: "basic", front: "What is a port?", ... }] }
 */
export function parseDeck(markdown: string, options: ParseOptions = {}): ParsedDeck {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: only a long note needs its bytes counted.
  const bytes = markdown.length * 3 > MAX_NOTE_BYTES ? Buffer.byteLength(markdown, "utf8") : markdown.length;
  if (bytes > MAX_NOTE_BYTES) {
    throw new DeckParseError(
      `Note is ${formatBytes(bytes)}; notes up to ${formatBytes(MAX_NOTE_BYTES)} are read (split it into several files)`,
      { file: options.fileName },
    );
  }
  const source = repairMojibake(markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const nesting = deepestNesting(source);
  if (nesting.depth > MAX_NESTING) {
    throw new DeckParseError(
      `Quotes or lists nested ${nesting.depth} levels deep; notes up to ${MAX_NESTING} are read`,
      { file: options.fileName, line: nesting.line },
    );
  }
  const tree = parseMarkdown(source);
  const yaml = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  const meta: FrontMatter = yaml ? readFrontMatter(yaml, options.fileName) : {};
  repairTree(tree, source);
  const titleHeading = titleHeadingOf(tree, meta.title);
  const headingTitle = titleHeading ? plainText(titleHeading.children).trim() : "";
  const title =
    meta.title ?? (headingTitle || (options.fileName ? humaniseFileName(options.fileName) : "Untitled"));
  const slug = toSlug(meta.slug ?? (options.fileName ? baseName(options.fileName) : title));

  const separators = separatorsInUse(tree, separatorsOf(meta));
  const outline = readOutline(tree, source, titleHeading);
  const decisions = classify(outline, { separators });
  const out = new Collector();
  emitCards(outline, { source, out, decisions, separators, facts: meta.facts !== false });
  const warnings = [...out.warnings];
  const cards = keyCards(out.cards, warnings);
  warnings.sort((a, b) => a.line - b.line);
  return { title, slug, tags: meta.tags ?? [], description: meta.description ?? null, cards, warnings };
}
