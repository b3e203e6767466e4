/**
 * `- \[x] income statement` / `- \[ ] balance sheet`: checkboxes escaped (as translated quiz
 * collections write them, so that no renderer draws a box) are checkboxes all the same, when every
 * item of the list opens with one.
 */
import type { List, Text } from "mdast";

const ESCAPED_BOX = /^\[([ xX])\]\s+/;

/** The text an item opens with, where a box would be. */
function openingText(item: List["children"][number]): Text | undefined {
  const paragraph = item.children[0];
  const first = paragraph?.type === "paragraph" ? paragraph.children[0] : undefined;
  return first?.type === "text" ? first : undefined;
}

/** Reads a list whose items all open with `[ ]` / `[x]` as text as a list of checkboxes. */
export function unescapeCheckboxes(list: List): void {
  const opening = list.children.map((item) =>
    item.checked === null || item.checked === undefined ? openingText(item) : undefined,
  );
  if (opening.some((text) => !text || !ESCAPED_BOX.test(text.value))) return;
  list.children.forEach((item, at) => {
    const text = opening[at]!;
    const box = ESCAPED_BOX.exec(text.value)!;
    item.checked = box[1] !== " ";
    text.value = text.value.slice(box[0].length);
    // The text's source spelling, which cards show, holds the escapes: `\[x] `.
    const raw = text.data?.raw;
    if (raw !== undefined) text.data!.raw = raw.replace(/^\\?\[[ xX]\\?\]\s+/, "");
  });
}
