/**
 * Markdown notes -> flashcards. `parseDeck(markdown, { fileName })` reads one note file and returns the
 * deck's metadata, its cards in document order (each with its source line and heading path) and
 * warnings for things that look like cards but cannot be. Pure: no I/O.
 *
 * Deck metadata
 * - YAML front matter `title`, `slug`, `tags` (list, or comma/space separated), `description`.
 *   Broken YAML throws DeckParseError naming the file and line.
 * - Title: front matter, else the first H1 (which then is not part of any card's context), else the
 *   file name made readable (`cell-biology.md` -> "Cell Biology"). Slug: front matter, else the file
 *   name, else the title.
 * - Text that was UTF-8 decoded as Windows-1252 (`â€”`, `Ã©`) is repaired first.
 * - Obsidian syntax: `[[Note|shown]]` wikilinks read as the text shown (a bare `[[Name]]` only in a
 *   note with other Obsidian syntax: JavaScript notes write `[[Prototype]]`), `^block-id` anchors and
 *   `%% comments %%` are dropped (a paragraph that is only a comment is no card), as are inline HTML
 *   `<!-- comments -->`.
 *
 * Card formats (explicit syntax wins over the implicit ones for the block it is in; a block used as
 * an answer never yields other cards):
 *
 * 1. Question bullets: a list item (bulleted or numbered) whose first line ends in `?`, bold or not
 *    (`**Question?** answer` on one line splits at the bold question). The rest of the item is the
 *    answer; answer text indented so far that CommonMark reads it as an indented code block becomes
 *    a paragraph again (fenced code, and indented text that is plainly code, stays code). Exam prompts
 *    (`**Explain ...**`, `Define ...`, `Name ...`) and questions missing their `?` (`what is a
 *    monomer`) count too when the item has an answer below them (in blocks, or on the lines under a
 *    prompt that ends its sentence: `Name the organelle that makes ATP.` / `Mitochondria`).
 *    A leading `A:` / `Answer:` label is dropped from the answer, and an answer that is a single
 *    bullet (`- Canberra`) is just that bullet's text. A one-item question list followed by an
 *    unindented paragraph takes that paragraph as its answer. No answer -> warning, no card.
 *        - **What does TCP guarantee?**
 *
 *              In-order, reliable delivery.
 * 2. Question headings: a heading ending in `?` or in `? (2 marks)` (a `1.` or `Q:` numbering and
 *    decorative emoji, as in `## 🤔 What is Docker?` or `## Why? 🚀`, are dropped; the same holds for
 *    bullets); the answer is
 *    everything up to the next heading of the same or a higher level (sub-headings included) or a
 *    `---` rule, which authors use to close a section. Empty -> warning.
 *        ## Why is the sky blue?
 *        Rayleigh scattering ...
 *    A paragraph that is only a question (one line, or one sentence wrapped over several) takes the
 *    next block as its answer (plus a list the answer announces with a trailing `:`); a paragraph
 *    opening with a question line or sentence splits after it:
 *        Why is Pluto not a planet? It has not cleared its orbit.
 *    An Obsidian callout whose title asks (`> [!question] Why ...?`, `> [!faq]- ...?`) is answered
 *    by its body, and an HTML `<details>` whose `<summary>` asks by what the element holds.
 * 3. Q/A pairs: `Q: question` with `A: answer` on a later line, in the next paragraph, nested
 *    under a `Q:` bullet or as the next bullet (labels may be bold: `**Q:**`, `**Q: question**`).
 *    Each `Q:` line starts a new pair, so one paragraph may hold several. A `Q:` paragraph with no
 *    `A:` is answered by the next block, like any question paragraph.
 * 4. Definitions: `**Term**: definition`, `**Term:** definition`, `**Term** - definition` (also `--`,
 *    `–`, `—`; CJK notes' full-width `：` works like `:`), as paragraphs or list items; continuation
 *    lines and nested bullets belong to the definition.
 *    A bold term alone on its line defines with the lines below it, and a bold term alone on a bullet
 *    with what is nested under it (unless that makes cards of its own: then the bullet only groups). Several `**Term**: ...` lines in
 *    one paragraph are one card each. Pandoc definition lists (`Term` then `: definition` on the next
 *    line) work too. Plain `Term: definition` (or, in a list,
 *    `Term - definition`) only where most items of a list, lines of a paragraph, or paragraphs of a
 *    section look like that (at least two, at least half). Labels (`Note:`, `Tip:`, `See also:`,
 *    `Location:`, `Exam tip:`, `Figure 1:` ...), times and ratios (`10:19`), numbers, URLs, terms
 *    of more than six words, ending in a sentence or reading as a clause (`Python has typing:`,
 *    `The professor said:`) are never terms; definitions that are only a link, or hold a clock time
 *    or an e-mail address, never define. An empty definition -> warning.
 * 5. Term tables: a two-column GFM table, one card per body row (first column front, second back);
 *    the header row is not a card; a cell's `\|` shows as `|`. Tables with another number of columns
 *    are data, not term lists: warning, no cards. An empty cell -> warning for that row.
 * 6. Explicit syntax (Obsidian Spaced Repetition plugin): `front::back`, `front:::back` (two
 *    "reversed" cards, the second with the sides swapped), one card per such line; multi-line cards
 *    with a line holding only `?` (or `??` for both directions) between the front and back lines; the
 *    card ends at a blank line. Code paths are not cards: a known namespace or hex group glued to
 *    `::` (`std::map`, `crate::Config`, `fe80::1`), or `::` before a call or another `::`
 *    (`foo::bar()`, `a::b::c`); `Krebs cycle::citric acid cycle` and `dog::perro` are.
 *        Name the layers
 *        of the TCP/IP model
 *        ?
 *        Link, Internet, Transport, Application
 *    Clozes: `==hidden==` (one card per highlight) and `{{c1::hidden}}` / `{{c1::hidden::hint}}` (one
 *    card per number, all its deletions hidden together; the hint shows as `[hint]`). The front shows
 *    the card's deletions as `[...]` and the others as plain text; the back is the full text.
 * 7. Facts in prose: in any other paragraph or list item, each **bold** or `inline code` span is a
 *    cloze (one card per span), unless the span is the whole paragraph or a label such as **Note:**.
 *        Use `git add -p` to stage **part of a file**.   -> two clozes
 *
 * Never cards: code blocks that are not answers, HTML (but for `<details>` above), front matter,
 * thematic breaks, headings on their own, task-list items (`- [ ] read ch. 3`, unless they use
 * explicit syntax), paragraphs that are only links or images, the `[!note]` header of an Obsidian
 * callout, footnotes (a card drops `[^1]` markers: it does not carry the notes).
 *
 * Card keys (identity within the deck): the normalised front (NFC, case-folded, emphasis dropped,
 * whitespace collapsed); `cloze:<n>:<front with [...]>` for clozes; `reversed:forward|backward:<first
 * side>` for reversed pairs. The answer is never part of the key. A repeated key keeps the first card
 * and warns.
 */
import type { Heading, Root } from "mdast";
import { emitCards } from "./emit/emit";
import { Collector, type CardDraft } from "./emit/collector";
import { baseName, humaniseFileName, toSlug } from "./deck-meta";
import { readFrontMatter, type FrontMatter } from "./front-matter";
import { normaliseForKey } from "./key";
import { formatBytes, MAX_NOTE_BYTES } from "./limits";
import { parseMarkdown } from "./markdown";
import { repairMojibake } from "./mojibake";
import { readOutline } from "./outline/outline";
import { repairTree } from "./outline/repair";
import { plainText } from "./phrasing";
import { classify } from "./prompts/classify";
import { DEFAULT_SEPARATORS, type Separators } from "./prompts/explicit";
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
    const { kind, front, back, line, context, fact } = draft;
    cards.push({ kind, front, back, line, context, key, ...(fact ? { fact: true as const } : {}) });
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
  const tree = parseMarkdown(source);
  const yaml = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  const meta: FrontMatter = yaml ? readFrontMatter(yaml, options.fileName) : {};
  repairTree(tree, source);
  const titleHeading = titleHeadingOf(tree, meta.title);
  const headingTitle = titleHeading ? plainText(titleHeading.children).trim() : "";
  const title =
    meta.title ?? (headingTitle || (options.fileName ? humaniseFileName(options.fileName) : "Untitled"));
  const slug = toSlug(meta.slug ?? (options.fileName ? baseName(options.fileName) : title));

  const separators = separatorsOf(meta);
  const outline = readOutline(tree, source, titleHeading);
  const decisions = classify(outline, { separators });
  const out = new Collector();
  emitCards(outline, { source, out, decisions, separators, facts: meta.facts !== false });
  const warnings = [...out.warnings];
  const cards = keyCards(out.cards, warnings);
  warnings.sort((a, b) => a.line - b.line);
  return { title, slug, tags: meta.tags ?? [], description: meta.description ?? null, cards, warnings };
}
