/**
 * Outliners (Logseq, Roam) write a page's sections as blocks: `- ## Networking` with the section's
 * notes as its children. Read as markdown that is one list item whose lead is a heading, and the
 * whole section would be one card under it. A top-level item that opens with a heading is lifted
 * into the heading it is, its children after it at the top level (repeatedly, for `- ### ...`
 * children of such an item).
 */
import type { List, ListItem, Root, RootContent } from "mdast";

function opensWithHeading(item: ListItem): boolean {
  return item.children[0]?.type === "heading";
}

/** A bulleted list with a heading block: an outliner's page (a numbered `1. ### ...` is a list of topics). */
function holdsHeadingBlocks(node: RootContent): node is List {
  return node.type === "list" && !node.ordered && node.children.some(opensWithHeading);
}

/** A list holding some of another's items, placed where those items stand in the note. */
function listOf(list: List, items: ListItem[]): List {
  const start = items[0]?.position?.start;
  const end = items.at(-1)?.position?.end;
  return { ...list, children: items, position: start && end ? { start, end } : list.position };
}

function lifted(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (!holdsHeadingBlocks(node)) {
      out.push(node);
      continue;
    }
    let plain: ListItem[] = [];
    const flush = () => {
      if (plain.length > 0) out.push(listOf(node, plain));
      plain = [];
    };
    for (const item of node.children) {
      if (!opensWithHeading(item)) {
        plain.push(item);
        continue;
      }
      flush();
      out.push(...lifted(item.children));
    }
    flush();
  }
  return out;
}

/** Lifts the heading blocks of an outliner's page into headings, in place. */
export function liftHeadingItems(tree: Root): void {
  if (!tree.children.some(holdsHeadingBlocks)) return;
  tree.children = lifted(tree.children);
}
