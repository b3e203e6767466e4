/**
 * A Notion page exported to markdown opens with its properties, one `Name: value` line each:
 *
 *     Class: MICRO 201
 *     Created: September 14, 2023 10:22 AM
 *     Type: Lecture
 *
 * Metadata, not vocabulary. A block of such lines is Notion's when one of them is a property every
 * Notion page has (`Created`, `Last edited time`, ...); a glossary line `Created: ...` alone among
 * definitions is not such a block.
 */
import { plainText, type Phrasing } from "../phrasing";

const NOTION_PROPERTY =
  /^(?:created|created time|created by|date created|last edited|last edited time|last edited by|last updated)\s*:\s*\S/i;

/** `Name: value` with a name of at most three words. */
const PROPERTY_LINE = /^[\p{L}\p{N}][\p{L}\p{N} &/'-]{0,30}:\s*\S/u;

/** The lines without a Notion page's properties: all of them when they are such a block, else none. */
export function withoutNotionProperties(lines: Phrasing[]): Phrasing[] {
  if (lines.length < 2) return lines;
  const texts = lines.map((line) => plainText(line).trim());
  const fields = texts.every(
    (text) => PROPERTY_LINE.test(text) && text.split(":")[0]!.split(/\s+/).length <= 3,
  );
  return fields && texts.some((text) => NOTION_PROPERTY.test(text)) ? [] : lines;
}
