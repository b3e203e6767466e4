import { lazy, memo, Suspense } from "react";
import Markdown from "react-markdown";
import {
  clozeMarks,
  components,
  needsRichRendering,
  plainRemarkPlugins,
  rehypeFocusableScrollers,
  sanitize,
  type ClozeHighlight,
} from "./markdown-pipeline";

// KaTeX and the highlighter (and their stylesheets) come in only for a side that may hold math or
// code: the server renders them in place; the browser loads their chunk on first need. React.lazy
// rather than next/dynamic, so that any React server renderer (the tests' too) waits for it.
const RichCardMarkdown = lazy(() =>
  import("./rich-card-markdown").then((module) => ({ default: module.RichCardMarkdown })),
);

const blankPlugins = [sanitize, rehypeFocusableScrollers, clozeMarks("blank")];
const answerPlugins = [sanitize, rehypeFocusableScrollers, clozeMarks("answer")];

/**
 * A card side as markdown (GFM tables, lists, code, links, images; `$math$` and highlighted code
 * fences through the rich renderer). Raw HTML is never parsed (no rehype-raw) and the output is
 * sanitised, so a card cannot run script or add markup. Memoised: a card's markdown is parsed once,
 * not on every key press.
 */
export const CardMarkdown = memo(function CardMarkdown({
  source,
  highlight = "answer",
  className = "",
}: {
  source: string;
  className?: string;
  /** How marked cloze spans look: the hidden blank, or the revealed answer. */
  highlight?: ClozeHighlight;
}) {
  if (needsRichRendering(source)) {
    return (
      <Suspense fallback={<p className="text-stone-500">Loading card…</p>}>
        <RichCardMarkdown source={source} highlight={highlight} className={className} />
      </Suspense>
    );
  }
  return (
    <div className={`card-markdown ${className}`}>
      <Markdown
        remarkPlugins={plainRemarkPlugins}
        rehypePlugins={highlight === "blank" ? blankPlugins : answerPlugins}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
});
