import "server-only";
import { CardMarkdown } from "./card-markdown";
import { needsRichRendering, type ClozeHighlight } from "./markdown-pipeline";
import { RichCardMarkdown } from "./rich-card-markdown";

/**
 * A card side rendered on the server in one pass. CardMarkdown loads its rich renderer lazily, which
 * on the server would stream each side with math or code behind a Suspense boundary (shown a moment
 * after the rest); here it is imported outright, since server code costs the browser nothing.
 */
export function ServerCardMarkdown(props: {
  source: string;
  className?: string;
  highlight?: ClozeHighlight;
}) {
  return needsRichRendering(props.source) ? <RichCardMarkdown {...props} /> : <CardMarkdown {...props} />;
}
