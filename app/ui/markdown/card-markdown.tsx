import { memo } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeSanitize from "rehype-sanitize";
import { rehypeClozeMarks } from "./cloze-marks";
import { RemoteImage } from "./remote-image";

// Links leave the app in a new tab and carry no referrer. Images from other websites wait for the
// learner's click (or their setting), so a shared deck cannot see who studies it.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  img: ({ node: _node, ...props }) => <RemoteImage {...props} />,
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
