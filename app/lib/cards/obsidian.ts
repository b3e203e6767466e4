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

function cleanText(node: Text, obsidian: boolean): void {
  const shown = (match: string, bang: string, target: string, anchor = "", alias?: string) => {
    if (bang || (!obsidian && anchor === "" && alias === undefined && BARE_NAME.test(target))) return match;
    return (alias ?? (target || anchor.replace(/^[#^]/, ""))).trim();
  };
  const clean = (value: string) => value.replace(WIKILINK, shown).replace(BLOCK_ID, "");
  node.value = clean(node.value);
  if (node.data?.raw !== undefined) node.data.raw = clean(node.data.raw);
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

const hasComment = (child: PhrasingContent) =>
  (child.type === "text" && child.value.includes("%%")) ||
  (child.type === "html" && child.value.startsWith("<!--"));

/**
 * Rewrites Obsidian syntax in place; paragraphs that were only a comment go. One walk finds what
 * needs work: most text has no `[[`, `^` or `%%` and is left alone without running a pattern on it.
 */
export function cleanObsidianSyntax(tree: Root): void {
  let obsidian = false;
  const linkTexts: Text[] = [];
  const commented: PhrasingParent[] = [];
  visit(tree, (node) => {
    if (node.type === "text") {
      const { value } = node;
      if (value.includes("[[") || value.includes("^")) linkTexts.push(node);
      if (!obsidian && (value.includes("[") || value.includes("%%"))) obsidian = OBSIDIAN_SIGNS.test(value);
    } else if (PHRASING_PARENTS.has(node.type) && (node as PhrasingParent).children.some(hasComment)) {
      commented.push(node as PhrasingParent);
    }
  });
  for (const node of linkTexts) cleanText(node, obsidian);
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
