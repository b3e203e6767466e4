/**
 * mdast -> outline (see types.ts): headings become nested sections, lists become items with their
 * lead paragraph apart from what is nested under it, blockquotes become callouts or quotes, and
 * `<details>` elements and Obsidian_to_Anki notes are gathered from the blocks they span. The lines
 * tools keep their settings in (Logseq properties, Obsidian_to_Anki's `TARGET DECK`, a Notion page's
 * properties) are dropped.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from "mdast";
import { joinLines, plainText, splitLines, trimPhrasing } from "../phrasing";
import { readAnkiNote, withoutAnkiFileSettings } from "./anki-notes";
import { readCallout } from "./callouts";
import { detailsBlocks, readDetails } from "./details";
import { withoutLogseqProperties } from "./logseq-properties";
import { withoutNotionProperties } from "./notion-properties";
import type { Block, Item, ListBlock, ParagraphBlock, Section } from "./types";

const lineOf = (node: { position?: { start: { line: number } } }): number => node.position?.start.line ?? 1;

export function paragraphBlock(
  node: Paragraph,
  as: { fromHeading?: boolean; standalone?: boolean } = {},
): ParagraphBlock {
  const block: ParagraphBlock = {
    kind: "paragraph",
    node,
    line: lineOf(node),
    lines: splitLines(node.children),
  };
  if (as.fromHeading) block.fromHeading = true;
  if (as.standalone) block.standalone = true;
  return block;
}

/**
 * Drops the lines that hold a tool's settings from the paragraph, in the tree itself so that an
 * answer written out from the mdast leaves them out too; undefined when nothing else is left.
 */
function dropToolSettings(node: Paragraph): Paragraph | undefined {
  const lines = splitLines(node.children);
  const kept = withoutNotionProperties(withoutLogseqProperties(withoutAnkiFileSettings(lines)));
  if (kept.length === lines.length) return node;
  node.children = trimPhrasing(joinLines(kept));
  return node.children.length > 0 ? node : undefined;
}

/** A list item: its lead paragraph (or a heading written in the item) and the blocks under it. */
function readItem(node: ListItem, source: string): Item {
  if (node.children[0]?.type === "paragraph" && !dropToolSettings(node.children[0]))
    node.children = node.children.slice(1);
  const [first, ...rest] = node.children;
  let lead: ParagraphBlock | undefined;
  if (first?.type === "paragraph") lead = paragraphBlock(first);
  else if (first?.type === "heading")
    lead = paragraphBlock(
      { type: "paragraph", children: first.children, position: first.position },
      { fromHeading: true },
    );
  const nested = lead ? rest : node.children;
  return {
    kind: "item",
    node,
    line: lineOf(node),
    lead,
    blocks: readBlocks(nested as RootContent[], source),
    checked: node.checked ?? null,
  };
}

function readList(node: List, source: string): ListBlock {
  return {
    kind: "list",
    node,
    line: lineOf(node),
    items: node.children.map((item) => readItem(item, source)),
  };
}

/** The blocks of a container (an item, a callout, a quote) in order; headings inside it stay plain blocks. */
export function readBlocks(nodes: RootContent[], source: string): Block[] {
  const blocks: Block[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const read = readBlockAt(nodes, index, source);
    for (const block of read.blocks) blocks.push(block);
    index += read.consumed;
  }
  return blocks;
}

/** The block(s) that `nodes[index]` starts, and how many following nodes they took. */
function readBlockAt(
  nodes: RootContent[],
  index: number,
  source: string,
): { blocks: Block[]; consumed: number } {
  const node = nodes[index]!;
  const line = lineOf(node);
  switch (node.type) {
    case "paragraph": {
      const anki = readAnkiNote(nodes, index, source);
      if (anki) return { blocks: [anki.note], consumed: anki.consumed };
      if (!dropToolSettings(node)) return { blocks: [], consumed: 0 };
      return { blocks: [paragraphBlock(node, { standalone: true })], consumed: 0 };
    }
    case "list":
      return { blocks: [readList(node, source)], consumed: 0 };
    case "table":
      return { blocks: [{ kind: "table", node, line }], consumed: 0 };
    case "blockquote": {
      const callout = readCallout(node.children);
      // `> What is a closure?` over the answer typed after the quote: the quote only sets the question off.
      const [only] = node.children;
      const next = nodes[index + 1];
      if (
        !callout &&
        node.children.length === 1 &&
        only?.type === "paragraph" &&
        /^[^\n]+[?？]\s*$/.test(plainText(only.children)) &&
        (next?.type === "paragraph" || next?.type === "list" || next?.type === "code")
      )
        return { blocks: [paragraphBlock(only, { standalone: true })], consumed: 0 };
      if (!callout)
        return {
          blocks: [{ kind: "quote", node, line, blocks: readBlocks(node.children, source) }],
          consumed: 0,
        };
      const { type, title, body } = callout;
      return {
        blocks: [{ kind: "callout", node, line, type, title, blocks: readBlocks(body, source) }],
        consumed: 0,
      };
    }
    case "html": {
      const { details, consumed } = readDetails(nodes, index);
      for (const element of details)
        element.blocks = detailsBlocks(element, readBlocks(element.content, source));
      if (details.length > 0) return { blocks: details, consumed };
      return { blocks: [{ kind: "other", node, line }], consumed: 0 };
    }
    default:
      return { blocks: [{ kind: "other", node, line }], consumed: 0 };
  }
}

/**
 * The note as nested sections. `deckTitle` is the H1 that names the deck: it opens a section like
 * any heading, marked so that it is not part of any card's context.
 */
export function readOutline(tree: Root, source: string, deckTitle: Heading | undefined): Section {
  const root: Section = {
    kind: "section",
    heading: undefined,
    title: [],
    depth: 0,
    line: 1,
    blocks: [],
    sections: [],
    isDeckTitle: false,
  };
  const open: Section[] = [root];
  const nodes = tree.children;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (node.type === "heading") {
      while (open.length > 1 && open.at(-1)!.depth >= node.depth) open.pop();
      const section: Section = {
        kind: "section",
        heading: node,
        title: node.children,
        depth: node.depth,
        line: lineOf(node),
        blocks: [],
        sections: [],
        isDeckTitle: node === deckTitle,
      };
      open.at(-1)!.sections.push(section);
      open.push(section);
      continue;
    }
    // Front matter (YAML, or Hugo's TOML) is metadata, never part of a card.
    if (node.type === "yaml" || (node.type as string) === "toml") continue;
    const read = readBlockAt(nodes, index, source);
    const current = open.at(-1)!;
    for (const block of read.blocks) current.blocks.push(block);
    index += read.consumed;
  }
  return root;
}

/** The mdast nodes of a block, for an answer side. */
export function nodesOf(block: Block): RootContent[] {
  switch (block.kind) {
    case "details":
      return block.content;
    case "anki-note":
      return [];
    default:
      return [block.node];
  }
}
