/**
 * What every card renderer shares: links and images, sanitising, cloze marks. The plain renderer
 * (card-markdown.tsx) uses these alone; the rich one (rich-card-markdown.tsx) adds math and code.
 */
import { createElement } from "react";
import type { Components, Options } from "react-markdown";
import type { Element, Root } from "hast";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { rehypeClozeMarks } from "./cloze-marks";
import { RemoteImage } from "./remote-image";

export type ClozeHighlight = "blank" | "answer";

// Links leave the app in a new tab and carry no referrer. Images from other websites wait for the
// learner's click (or their setting), so a shared deck cannot see who studies it.
export const components: Components = {
  a: ({ node: _node, ...props }) =>
    createElement("a", { ...props, target: "_blank", rel: "noopener noreferrer nofollow" }),
  img: ({ node: _node, ...props }) => createElement(RemoteImage, props),
};

export const plainRemarkPlugins: Options["remarkPlugins"] = [remarkGfm];

export const sanitize = rehypeSanitize;

/**
 * Code blocks and display formulas scroll sideways when wider than the card; focusable, so that a
 * keyboard can scroll them too (axe: scrollable-region-focusable).
 */
export function rehypeFocusableScrollers() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const classes = node.properties.className;
      if (node.tagName === "pre" || (Array.isArray(classes) && classes.includes("katex-display"))) {
        node.properties.tabIndex = 0;
      }
    });
  };
}

export function clozeMarks(highlight: ClozeHighlight): [typeof rehypeClozeMarks, { className: string }] {
  return [rehypeClozeMarks, { className: highlight === "blank" ? "cloze-blank" : "cloze-answer" }];
}

// `$` anywhere may open math (remark-math reads `$x$` and `$$ ... $$`, as the card parser does), and
// a fence with a language name is code to highlight. A false alarm only costs the rich renderer.
const mathOrNamedCode = /\$|^ {0,3}(?:`{3,}|~{3,})[ \t]*[^\s`]/m;

/**
 * Whether a card side may hold math or highlightable code, so that the renderer with KaTeX and the
 * highlighter is loaded for it. Cheap and conservative: plain text never needs it.
 *
 * @example needsRichRendering("$x^2$") // true
 * @example needsRichRendering("```\nplain fence\n```") // false: no language to highlight
 */
export function needsRichRendering(source: string): boolean {
  return mathOrNamedCode.test(source);
}
