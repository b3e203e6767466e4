/**
 * Markdown notes -> flashcards. (Format documentation grows with the extractors.)
 */
import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { baseName, humaniseFileName, toSlug } from "./deck-meta";
import { readFrontMatter, type FrontMatter } from "./front-matter";
import { parseMarkdown } from "./markdown";
import { repairMojibake } from "./mojibake";
import type { ParseOptions, ParsedDeck } from "./types";

export * from "./types";

/** Parses one markdown file into a deck: metadata, cards in document order, and warnings. */
export function parseDeck(markdown: string, options: ParseOptions = {}): ParsedDeck {
  const source = repairMojibake(markdown.replace(/^\uFEFF/, ""));
  const tree: Root = parseMarkdown(source);
  const yaml = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  const meta: FrontMatter = yaml ? readFrontMatter(yaml, options.fileName) : {};
  const firstH1 = tree.children.find((node): node is Heading => node.type === "heading" && node.depth === 1);
  const title =
    meta.title ?? (firstH1 ? toString(firstH1).trim() : undefined) ?? (options.fileName ? humaniseFileName(options.fileName) : "Untitled");
  const slug = toSlug(meta.slug ?? (options.fileName ? baseName(options.fileName) : title));
  return { title, slug, tags: meta.tags ?? [], description: meta.description ?? null, cards: [], warnings: [] };
}
