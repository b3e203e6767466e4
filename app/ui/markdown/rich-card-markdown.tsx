import katex from "katex";
import type { Element, Root } from "hast";
import Markdown, { type Options } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { visit } from "unist-util-visit";
import {
  clozeMarks,
  components,
  rehypeFocusableScrollers,
  sanitize,
  type ClozeHighlight,
} from "./markdown-pipeline";
import { rehypeStylesheets } from "./stylesheets";

/** KaTeX's stylesheet, served with its fonts from the installed package (app/katex/[...path]). */
export const katexStylesheet = `/katex/${katex.version}/katex.min.css`;
/** The colours of highlighted code (public/code-highlight.css). */
export const codeStylesheet = "/code-highlight.css";

/**
 * `\<` is no TeX command: in math it is a markdown exporter's escape (Quartz writes `$H \< G$`), so it
 * reads as the `<` the author typed. (`\>` is TeX's medium space, so it stays.)
 */
function rehypeMathEscapes() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const classes = node.properties.className;
      if (node.tagName !== "code" || !Array.isArray(classes) || !classes.includes("language-math")) return;
      for (const child of node.children) {
        if (child.type === "text") child.value = child.value.replaceAll("\\<", "<");
      }
    });
  };
}

const remarkPlugins = [remarkGfm, remarkMath];

// KaTeX and the highlighter run after sanitising: their markup (and KaTeX's inline sizes) is theirs,
// not the card's. `trust` stays off, so `\href` and `\htmlStyle` in a card do nothing. Only fences
// that name their language are highlighted: guessing it is slow and often wrong on a short snippet.
function rehypePlugins(highlight: ClozeHighlight): Options["rehypePlugins"] {
  return [
    sanitize,
    rehypeMathEscapes,
    [rehypeKatex, { throwOnError: false, strict: false, errorColor: "currentColor" }],
    [rehypeHighlight, { detect: false }],
    [rehypeStylesheets, { math: katexStylesheet, code: codeStylesheet }],
    rehypeFocusableScrollers,
    clozeMarks(highlight),
  ];
}
const blankPlugins = rehypePlugins("blank");
const answerPlugins = rehypePlugins("answer");

/**
 * A card side with `$inline$` and `$$display$$` math rendered by KaTeX (HTML plus MathML for screen
 * readers) and fenced code highlighted. Each stylesheet is linked only when the side holds math or
 * highlighted code; React puts it in the head once, however many cards ask for it.
 */
export function RichCardMarkdown({
  source,
  highlight = "answer",
  className = "",
}: {
  source: string;
  className?: string;
  highlight?: ClozeHighlight;
}) {
  return (
    <div className={`card-markdown ${className}`}>
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={highlight === "blank" ? blankPlugins : answerPlugins}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}
