import { memo } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeSanitize from "rehype-sanitize";
import { rehypeClozeMarks } from "./cloze-marks";

// Links leave the app in a new tab and carry no referrer; images load lazily and never stretch.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  img: ({ node: _node, alt, ...props }) => (
    // eslint-disable-next-line @next/next/no-img-element -- card images are arbitrary remote URLs
    <img {...props} alt={alt ?? ""} loading="lazy" decoding="async" />
  ),
};

const remarkPlugins = [remarkGfm];
const blankPlugins: Options["rehypePlugins"] = [
  rehypeSanitize,
  [rehypeClozeMarks, { className: "cloze-blank" }],
];
const answerPlugins: Options["rehypePlugins"] = [
  rehypeSanitize,
  [rehypeClozeMarks, { className: "cloze-answer" }],
];

/**
 * A card side as markdown (GFM tables, lists, code, links, images). Raw HTML is never parsed
 * (no rehype-raw) and the output is sanitised, so a card cannot run script or add markup.
 * Memoised: a card's markdown is parsed once, not on every key press.
 */
export const CardMarkdown = memo(function CardMarkdown({
  source,
  highlight = "answer",
  className = "",
}: {
  source: string;
  className?: string;
  /** How marked cloze spans look: the hidden blank, or the revealed answer. */
  highlight?: "blank" | "answer";
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
});
