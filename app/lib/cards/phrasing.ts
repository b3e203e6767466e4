/** Helpers over inline (phrasing) content: lines, trimming, plain text. */
import type { Paragraph, PhrasingContent, Text } from "mdast";
import { toString } from "mdast-util-to-string";

export type Phrasing = PhrasingContent[];

/** A new text node (no source spelling: it serialises as its value). */
export function text(value: string): Text {
  return { type: "text", value };
}

/**
 * The value of a text node cut to [start, end). The source spelling (escapes such as `\*`) survives
 * when the parts cut off are spelled the same in the source, which holds for whitespace and separators.
 */
export function sliceText(node: Text, start: number, end?: number): Text {
  const value = node.value.slice(start, end);
  const raw = node.data?.raw;
  // Other marks (a wikilink's) stay with the text.
  if (raw === undefined) return node.data ? { type: "text", value, data: { ...node.data } } : text(value);
  // Most text is spelled as its value: cut the source spelling at the same places (no copies of the
  // parts cut off, which made cutting a long text many times quadratic).
  if (raw === node.value) return { type: "text", value, data: { ...node.data, raw: value } };
  const stop = end === undefined ? node.value.length : end < 0 ? node.value.length + end : end;
  const tailLength = node.value.length - stop;
  const head = raw.length >= start && raw.startsWith(node.value.slice(0, start));
  const tail = raw.length - tailLength >= start && raw.endsWith(node.value.slice(stop));
  if (!head || !tail) return { type: "text", value, data: { ...node.data, raw: undefined } };
  return { type: "text", value, data: { ...node.data, raw: raw.slice(start, raw.length - tailLength) } };
}

/** Splits inline content into source lines (at newlines in text and at hard breaks). */
export function splitLines(children: Phrasing): Phrasing[] {
  const lines: Phrasing[] = [[]];
  for (const child of children) {
    if (child.type === "break") {
      lines.push([]);
    } else if (child.type === "text" && child.value.includes("\n")) {
      let from = 0;
      for (let at = child.value.indexOf("\n"); at !== -1; at = child.value.indexOf("\n", from)) {
        if (at > from) lines[lines.length - 1]?.push(sliceText(child, from, at));
        lines.push([]);
        from = at + 1;
      }
      if (from < child.value.length) lines[lines.length - 1]?.push(sliceText(child, from));
    } else {
      lines[lines.length - 1]?.push(child);
    }
  }
  return lines;
}

/** Joins lines back with newlines (soft breaks). */
export function joinLines(lines: Phrasing[]): Phrasing {
  const out: Phrasing = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push(text("\n"));
    out.push(...line);
  });
  return out;
}

/** Drops whitespace at both ends of inline content (and empty text nodes). */
export function trimPhrasing(children: Phrasing): Phrasing {
  let from = 0;
  let to = children.length;
  while (from < to && isBlank(children[from]!)) from += 1;
  while (to > from && isBlank(children[to - 1]!)) to -= 1;
  const out = children.slice(from, to);
  // A new node only where there is whitespace to cut: this runs on every line the parser reads.
  const first = out[0];
  if (first?.type === "text" && /^\s/.test(first.value))
    out[0] = sliceText(first, first.value.length - first.value.trimStart().length);
  const last = out.at(-1);
  if (last?.type === "text" && /\s$/.test(last.value))
    out[out.length - 1] = sliceText(last, 0, last.value.trimEnd().length);
  return out;
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === "text" && node.value.trim() === "";
}

/** Plain text of inline content (markup dropped). */
export function plainText(children: Phrasing): string {
  return children.map((child) => toString(child)).join("");
}

/** A paragraph holding the given inline content. */
export function paragraphOf(children: Phrasing): Paragraph {
  return { type: "paragraph", children };
}

/** A paragraph made only of links (wikilinks too) and/or images, and whitespace or commas: never a card. */
export function isLinkOrImageOnly(children: Phrasing): boolean {
  const meaningful = children.filter((child) => !(child.type === "text" && /^[\s,;|·•]*$/.test(child.value)));
  return (
    meaningful.length > 0 &&
    meaningful.every(
      (child) =>
        ["link", "image", "linkReference", "imageReference", "break"].includes(child.type) ||
        (child.type === "text" && child.data?.wikilink === true),
    )
  );
}

/**
 * Bold or italics inside a word lose their marks (`**A**tomicity`, `**M**ilitarism`): a mnemonic's
 * letters, which would leave `**A**tomicity` as the front's text where the term is `Atomicity`.
 */
export function withoutLetterEmphasis(children: Phrasing): Phrasing {
  const merged: Phrasing = [];
  children.forEach((node, at) => {
    const before = children[at - 1];
    const after = children[at + 1];
    const inWord =
      (node.type === "strong" || node.type === "emphasis") &&
      ((after?.type === "text" && /^\p{L}/u.test(after.value)) ||
        (before?.type === "text" && /\p{L}$/u.test(before.value)));
    for (const part of inWord ? node.children : [node]) {
      const last = merged.at(-1);
      if (part.type === "text" && last?.type === "text")
        merged[merged.length - 1] = text(last.value + part.value);
      else merged.push(part);
    }
  });
  return merged;
}
