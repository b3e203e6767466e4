/**
 * Collapsible answers written in HTML, as READMEs and interview-prep notes do:
 *     <details>
 *     <summary>Why does my effect run twice?</summary>
 *
 *     Strict Mode mounts, unmounts and mounts again.
 *
 *     </details>
 * A summary that asks is the question; what the element holds is the answer: markdown blocks between
 * the tags, and HTML inside the tags read by an HTML parser (rehype) and turned into markdown.
 */
import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root, RootContent } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { answerMarkdown } from "./answers";
import { stringifyPhrasing } from "./markdown";
import { plainText, type Phrasing } from "./phrasing";
import { isQuestionText, questionFront } from "./questions";
import { lineOf, type WalkEnv } from "./shared-cards";

const htmlParser = unified().use(rehypeParse, { fragment: true });
const toMdast = unified().use(rehypeRemark);

/** HTML elements as mdast blocks (without positions: those count from the HTML, not the note). */
function mdastOf(children: ElementContent[]): RootContent[] {
  const hast: HastRoot = { type: "root", children };
  const tree = toMdast.runSync(hast) as Root;
  visit(tree, (node) => {
    delete node.position;
  });
  return tree.children;
}

/** The first `<details>` of an HTML block: its summary as inline content, and what follows it. */
function readDetails(html: string): { summary: Phrasing; rest: RootContent[] } | undefined {
  let details: Element | undefined;
  visit(htmlParser.parse(html), "element", (node: Element) => {
    if (details || node.tagName !== "details") return;
    details = node;
  });
  const summaryAt = details?.children.findIndex(
    (child) => child.type === "element" && child.tagName === "summary",
  );
  if (!details || summaryAt === undefined || summaryAt === -1) return undefined;
  const summary = details.children[summaryAt] as Element;
  const [first] = mdastOf(summary.children);
  const phrasing = first?.type === "paragraph" ? first.children : [];
  return { summary: phrasing, rest: mdastOf(details.children.slice(summaryAt + 1)) };
}

/** Opened minus closed `<details>` tags in an HTML block: where the collapsible ends. */
function depthChange(html: string): number {
  return (html.match(/<details[\s>]/gi)?.length ?? 0) - (html.match(/<\/details\s*>/gi)?.length ?? 0);
}

/**
 * The card of a `<details>` block at `blocks[index]` whose summary asks; returns how many following
 * blocks it consumed (up to and including the closing tag), or undefined when it is not such a block.
 */
export function detailsCard(
  blocks: RootContent[],
  index: number,
  context: string[],
  env: WalkEnv,
): number | undefined {
  const block = blocks[index]!;
  const opened = block.type === "html" ? readDetails(block.value) : undefined;
  if (block.type !== "html" || !opened || !isQuestionText(plainText(opened.summary))) return undefined;
  const answer = [...opened.rest];
  let depth = depthChange(block.value);
  let end = index + 1;
  while (depth > 0 && end < blocks.length && blocks[end]!.type !== "heading") {
    const next = blocks[end]!;
    end += 1;
    if (next.type !== "html") {
      answer.push(next);
      continue;
    }
    depth += depthChange(next.value);
    const content = htmlParser.parse(next.value).children;
    answer.push(...mdastOf(content.filter((node): node is ElementContent => node.type !== "doctype")));
  }
  const front = stringifyPhrasing(questionFront(opened.summary));
  env.out.basic(front, answerMarkdown([], answer, env.source), lineOf(block), context, "Question");
  return end - index - 1;
}
