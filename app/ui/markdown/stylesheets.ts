/**
 * A rehype plugin that links the stylesheets a rendered card side needs: KaTeX's when it holds
 * math, the code colours when it holds highlighted code. The links carry React's `precedence`, so
 * React hoists each into the head once and shows the card only when its styles have loaded.
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

export function rehypeStylesheets(options: { math: string; code: string }) {
  return (tree: Root) => {
    let math = false;
    let code = false;
    visit(tree, "element", (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes)) return;
      if (classes.includes("katex") || classes.includes("katex-error")) math = true;
      if (classes.includes("hljs")) code = true;
    });
    const link = (href: string): Element => ({
      type: "element",
      tagName: "link",
      properties: { rel: ["stylesheet"], href, precedence: "default" },
      children: [],
    });
    if (math) tree.children.push(link(options.math));
    if (code) tree.children.push(link(options.code));
  };
}
