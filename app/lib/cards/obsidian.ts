/**
 * Obsidian's own inline syntax, which CommonMark reads as plain text: `[[Note]]` and
 * `[[Note#Section|shown text]]` wikilinks (a card shows the text the reader sees), `^block-id` anchors
 * at the end of a line, and `%% comments %%` (hidden in Obsidian, so never on a card; inline HTML
 * `<!-- comments -->` go the same way). Runs over the parsed tree's text nodes; embeds
 * (`![[image.png]]`) are left as written.
 */
import type { Parent, PhrasingContent, Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import { sliceText, trimPhrasing } from "./phrasing";

const WIKILINK = /(!?)\[\[([^[\]|#^]*)([#^][^[\]|]*)?(?:\|([^[\]]*))?\]\]/g;
const BLOCK_ID = /[ \t]+\^[A-Za-z0-9-]+(?=\n|$)/g;
const PHRASING_PARENTS = new Set([
  "paragraph",
  "heading",
  "tableCell",
  "emphasis",
  "strong",
  "delete",
  "link",
]);

/**
 * `[[Prototype]]` is also how the ECMAScript spec names internal slots, so a bare `[[Word]]` is read
 * as a wikilink only in a note that shows it comes from Obsidian: a link with a space, `|`, `#` or
 * `/` in it, an embed, a callout or a `%%` comment.
 */
const OBSIDIAN_SIGNS = /\[\[[^[\]]*[\s|#^/][^[\]]*\]\]|!\[\[|^\[![\w-]+\]|%%/m;
const BARE_NAME = /^[A-Za-z_$][\w$]*$/;

declare module "mdast" {
  interface TextData {
    /** The text a wikilink shows: a link to another note, like a markdown link. */
    wikilink?: boolean;
  }
}

/** The text a wikilink shows, or undefined when the match is not read as one. */
function shownText(match: RegExpMatchArray, obsidian: boolean): string | undefined {
  const [, bang, target = "", anchor = "", alias] = match;
  if (bang || (!obsidian && anchor === "" && alias === undefined && BARE_NAME.test(target))) return undefined;
  return (alias ?? (target || anchor.replace(/^[#^]/, ""))).trim();
}

function piece(value: string, raw: string | undefined): Text {
  const cleanValue = value.replace(BLOCK_ID, "");
  return raw === undefined
    ? { type: "text", value: cleanValue }
    : { type: "text", value: cleanValue, data: { raw: raw.replace(BLOCK_ID, "") } };
}

/**
 * The text node with its wikilinks split out as text nodes of their own (marked `wikilink`, so that
 * a line of links reads as links) and block ids dropped. The source spelling is kept where the
 * source holds the same links (escapes aside).
 */
function cleanText(node: Text, obsidian: boolean): Text[] {
  const links = [...node.value.matchAll(WIKILINK)].filter(
    (match) => shownText(match, obsidian) !== undefined,
  );
  const raw = node.data?.raw;
  if (links.length === 0) return [piece(node.value, raw)];
  const rawLinks =
    raw === undefined
      ? []
      : [...raw.matchAll(WIKILINK)].filter((match) => shownText(match, obsidian) !== undefined);
  const aligned = raw !== undefined && rawLinks.length === links.length;
  const out: Text[] = [];
  let from = 0;
  let rawFrom = 0;
  links.forEach((link, at) => {
    const rawLink = rawLinks[at];
    const before = node.value.slice(from, link.index);
    const rawBefore = aligned && rawLink ? raw!.slice(rawFrom, rawLink.index) : undefined;
    if (before !== "") out.push(piece(before, rawBefore));
    const shown = shownText(link, obsidian)!;
    out.push({ type: "text", value: shown, data: { raw: shown, wikilink: true } });
    from = link.index + link[0].length;
    if (aligned && rawLink) rawFrom = rawLink.index + rawLink[0].length;
  });
  const after = node.value.slice(from);
  if (after !== "") out.push(piece(after, aligned ? raw!.slice(rawFrom) : undefined));
  return out;
}

/** Where a comment was cut out of `word <comment> word`: the spaces after it, when one precedes it. */
function spacesAfterCut(out: PhrasingContent[], value: string, from: number): number {
  const before = out.at(-1);
  if (before?.type !== "text" || !/[ \t]$/.test(before.value)) return from;
  while (value[from] === " " || value[from] === "\t") from += 1;
  return from;
}

/** Children with HTML comments, and everything between paired `%%` markers, left out. */
function withoutComments(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let inside = false;
  let cut = false;
  for (const child of children) {
    if (child.type === "html" && child.value.startsWith("<!--")) {
      cut = true;
      continue;
    }
    if (child.type !== "text") {
      if (!inside) out.push(child);
      cut = false;
      continue;
    }
    let from = cut ? spacesAfterCut(out, child.value, 0) : 0;
    for (let at = child.value.indexOf("%%", from); at !== -1; at = child.value.indexOf("%%", from)) {
      if (!inside && at > from) out.push(sliceText(child, from, at));
      inside = !inside;
      from = inside ? at + 2 : spacesAfterCut(out, child.value, at + 2);
    }
    if (!inside && from < child.value.length) out.push(from === 0 ? child : sliceText(child, from));
    cut = false;
  }
  return inside ? children : out;
}

type PhrasingParent = Parent & { children: PhrasingContent[] };

/** `%%ANKI ... END%%` wraps an Obsidian_to_Anki note in a comment; the note is read, not hidden. */
function isAnkiNote(parent: PhrasingParent): boolean {
  const first = parent.children[0];
  return first?.type === "text" && first.value.startsWith("%%ANKI");
}

const hasComment = (child: PhrasingContent) =>
  (child.type === "text" && child.value.includes("%%")) ||
  (child.type === "html" && child.value.startsWith("<!--"));

/**
 * Rewrites Obsidian syntax in place; paragraphs that were only a comment go. One walk finds what
 * needs work: most text has no `[[`, `^` or `%%` and is left alone without running a pattern on it.
 */
export function cleanObsidianSyntax(tree: Root): void {
  let obsidian = false;
  const linkTexts: { node: Text; parent: PhrasingParent }[] = [];
  const commented: PhrasingParent[] = [];
  visit(tree, (node, _index, parent) => {
    if (node.type === "text") {
      const { value } = node;
      if (parent && (value.includes("[[") || value.includes("^")))
        linkTexts.push({ node, parent: parent as PhrasingParent });
      if (!obsidian && (value.includes("[") || value.includes("%%"))) obsidian = OBSIDIAN_SIGNS.test(value);
    } else if (
      PHRASING_PARENTS.has(node.type) &&
      (node as PhrasingParent).children.some(hasComment) &&
      !isAnkiNote(node as PhrasingParent)
    ) {
      commented.push(node as PhrasingParent);
    }
  });
  for (const { node, parent } of linkTexts) {
    const at = parent.children.indexOf(node);
    if (at !== -1) parent.children.splice(at, 1, ...cleanText(node, obsidian));
  }
  if (commented.length === 0) return;
  for (const parent of commented) parent.children = withoutComments(parent.children);
  visit(tree, "paragraph", (node, index, parent) => {
    if (parent && index !== undefined && trimPhrasing(node.children).length === 0) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}
