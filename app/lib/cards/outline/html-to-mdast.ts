/** HTML in a note read by an HTML parser (rehype) and turned into markdown blocks (mdast). */
import type { ElementContent, Root as HastRoot } from "hast";
import type { Root, RootContent } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import { unified } from "unified";
import { visit } from "unist-util-visit";

export const htmlParser = unified().use(rehypeParse, { fragment: true });
const toMdast = unified().use(rehypeRemark);

/** HTML elements as mdast blocks (without positions: those count from the HTML, not the note). */
export function mdastOf(children: ElementContent[]): RootContent[] {
  const hast: HastRoot = { type: "root", children };
  const tree = toMdast.runSync(hast) as Root;
  visit(tree, (node) => {
    delete node.position;
  });
  return tree.children;
}
