/**
 * Facts in prose: in a paragraph or list item that holds no prompt, the **bold** and `inline code`
 * spans are what the author marked as worth remembering; each sentence holding any becomes one cloze
 * card with its spans hidden (prompts/cloze.ts). Labels (`**Note:**`), a span that is the whole line
 * and link-only lines are not facts. A note can switch this off in its front matter (`facts: false`).
 */
import { isLinkOrImageOnly, plainText, type Phrasing } from "../phrasing";
import { factClozes } from "../prompts/cloze";
import { isLabel } from "../prompts/labels";
import type { Collector } from "./collector";

/**
 * `**Note:**`-style labels are not facts to learn, and neither is a bold opener such as
 * `**Docs**: https://...` that was turned down as a definition.
 */
function isLabelSpan(node: Phrasing[number], index: number, siblings: Phrasing): boolean {
  if (node.type !== "strong") return false;
  const spanText = plainText([node]).trim();
  const next = siblings[index + 1];
  const punctuated = /[:：.]$/.test(spanText) || (next?.type === "text" && /^\s*[:：]/.test(next.value));
  // A label opens its line (after an emoji or an image at most) or is punctuated as one:
  // mid-sentence, `**remark**` is a word like any other.
  const opens = siblings
    .slice(0, index)
    .every(
      (before) =>
        ["image", "break"].includes(before.type) ||
        (before.type === "text" && !/[\p{L}\p{N}]/u.test(before.value)),
    );
  if (isLabel(spanText, punctuated) && (opens || punctuated)) return true;
  return index === 0 && (/[:：]$/.test(spanText) || (next?.type === "text" && /^\s*[:：]/.test(next.value)));
}

/** Whether a paragraph of prose holds facts (bold or code worth a cloze). */
export function holdsFacts(children: Phrasing): boolean {
  return !isLinkOrImageOnly(children) && factClozes(children, isLabelSpan).length > 0;
}

/** The fact clozes of one prose paragraph (or list item's text). */
export function factCards(children: Phrasing, line: number, context: string[], out: Collector): void {
  if (isLinkOrImageOnly(children)) return;
  for (const cloze of factClozes(children, isLabelSpan)) {
    out.cloze(cloze.front, cloze.back, line, context, cloze.group, cloze.keyFront, { fact: true });
  }
}
