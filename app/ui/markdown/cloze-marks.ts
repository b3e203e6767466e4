/**
 * A rehype plugin that turns spans delimited by the private-use marks of app/lib/study/cloze.ts into
 * <mark> elements. It runs after rehype-sanitize and only creates elements itself, so card text can
 * never use it to inject markup. A span may cross formatting (`**bold**`): each text piece inside it
 * is wrapped separately; a KaTeX formula inside it is wrapped whole.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { markClose, markOpen } from "@/app/lib/study/cloze";

const isFormula = (node: Element): boolean =>
  Array.isArray(node.properties.className) &&
  (node.properties.className.includes("katex") || node.properties.className.includes("katex-display"));

export function rehypeClozeMarks(options: { className: string }) {
  return (tree: Root) => {
    let inside = false;
    const mark = (children: ElementContent[]): Element => ({
      type: "element",
      tagName: "mark",
      properties: { className: [options.className] },
      children,
    });
    const wrap = (value: string): ElementContent => mark([{ type: "text", value }]);
    const split = (value: string): ElementContent[] => {
      const out: ElementContent[] = [];
      let buffer = "";
      const flush = () => {
        if (buffer) out.push(inside ? wrap(buffer) : { type: "text", value: buffer });
        buffer = "";
      };
      for (const char of value) {
        if (char === markOpen || char === markClose) {
          flush();
          inside = char === markOpen;
        } else buffer += char;
      }
      flush();
      return out;
    };
    const walk = (node: Root | Element) => {
      const children: (RootContent | ElementContent)[] = [];
      for (const child of node.children) {
        if (child.type === "text") children.push(...split(child.value));
        else if (child.type === "element" && isFormula(child)) {
          // A formula is marked whole: a <mark> per glyph would break KaTeX's layout and its MathML.
          children.push(inside ? mark([child]) : child);
        } else {
          if (child.type === "element") walk(child);
          children.push(child);
        }
      }
      node.children = children as typeof node.children;
    };
    walk(tree);
  };
}
