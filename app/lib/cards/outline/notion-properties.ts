/**
 * A Notion page exported to markdown opens with its properties, one `Name: value` line each:
 *
 *     Class: MICRO 201
 *     Created: September 14, 2023 10:22 AM
 *     Type: Lecture
 *
 * Metadata, not vocabulary. A block of such lines is Notion's when one of them is a property every
 * Notion page has, dated (`Created: March 3, 2024 9:15 AM`); a glossary's `Created: container exists
 * but has not started` is not one.
 */
import { plainText, type Phrasing } from "../phrasing";

/** The property with a date or time in it, as Notion writes them (`Created: March 3, 2024 9:15 AM`). */
const NOTION_PROPERTY =
  /^(?:created|created time|date created|last edited|last edited time|last updated)\s*:\s*.*\d/i;

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
