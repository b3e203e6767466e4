/**
 * The Obsidian Admonition plugin writes its callouts as fenced blocks, settings first:
 *
 *     ```ad-question
 *     title: What is the normal balance of Unearned Revenue?
 *     collapse: closed
 *     Credit: it is a liability.
 *     ```
 *
 * Read as the callout it draws (`> [!question] What is ...?` over its body), so callouts.ts reads it.
 */
import type { Code, RootContent } from "mdast";
import { reparsed } from "./lazy-lines";

const ADMONITION = /^ad-([\w-]+)$/;
const SETTING = /^(title|collapse|icon|color)\s*:\s*(.*)$/i;

/** The callout an `ad-*` fenced block draws; undefined for any other code block. */
export function admonitionCallout(node: Code): RootContent[] | undefined {
  const type = node.lang ? ADMONITION.exec(node.lang)?.[1] : undefined;
  if (!type) return undefined;
  const lines = node.value.split("\n");
  let title = "";
  let at = 0;
  for (; at < lines.length; at += 1) {
    const setting = SETTING.exec(lines[at]!.trim());
    if (!setting) break;
    if (setting[1]!.toLowerCase() === "title") title = setting[2]!.trim();
  }
  const body = lines.slice(at).map((line) => `> ${line}`);
  const markdown = [`> [!${type}] ${title}`.trimEnd(), ...body].join("\n");
  return reparsed(markdown, node.position?.start.line ?? 1);
}
