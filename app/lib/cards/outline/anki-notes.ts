/**
 * Notes written for the Obsidian_to_Anki plugin, which come in whole:
 *
 *     START                          %%ANKI
 *     Basic                          Cloze
 *     What is the capital of Peru?   The {1:heart} pumps {blood}.
 *     Back: Lima                     END%%
 *     Tags: geography
 *     <!--ID: 1566052191670-->
 *     END
 *
 * The line after `START` names the note type (`Basic`, `Basic (and reversed card)`, `Cloze`). The
 * first field needs no prefix but may have one (`Front:`, `Text:`); later ones start with their name
 * (`Back:`, `Extra:`, `Back Extra:`). `Tags:`, `Reference:`-style metadata lines and `<!--ID: ...-->`
 * comments are never part of a field.
 * The block is found through the markdown parser (a paragraph opening with `START` or `%%ANKI` and
 * one closing with `END` or `END%%`); its lines are then read as the plugin reads them. A `---` rule
 * right under `END` makes the lines above it a setext heading to CommonMark: such a heading is read
 * as the paragraph it was typed as ({@link ankiNoteHeadingAsParagraph}).
 *
 * The plugin's file settings are metadata, never cards: `TARGET DECK: CCNA::Ch2`, or `TARGET DECK`
 * with the deck's name on the next line, and `FILE TAGS` / `FILE TAGS:` with the tags.
 */
import type { Heading, Paragraph, RootContent } from "mdast";
import { plainText, splitLines, type Phrasing } from "../phrasing";
import type { AnkiField, AnkiNoteBlock } from "./types";

const OPENERS = new Set(["START", "%%ANKI"]);
const CLOSERS = new Set(["END", "END%%"]);
const FIELD = /^(Front|Back|Text|Extra|Back Extra|Answer|Question)\s*:\s?(.*)$/i;
const METADATA = /^(Tags?|References?|Source|Deck|Target Deck|File|Link|ID)\s*:/i;
const ID_COMMENT = /^<!--\s*ID:.*-->$/;
/** Names the plugin accepts on a note's first field, which is otherwise written bare. */
const FIRST_FIELD_NAMES = new Set(["front", "text", "question"]);

const FILE_SETTINGS = ["TARGET DECK", "FILE TAGS"];

/** A paragraph's lines without the plugin's file settings (see the file comment). */
export function withoutAnkiFileSettings(lines: Phrasing[]): Phrasing[] {
  const kept: Phrasing[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const text = plainText(lines[index]!).trim();
    const setting = FILE_SETTINGS.find((name) => text === name || text.startsWith(`${name}:`));
    if (!setting) kept.push(lines[index]!);
    // The bare form holds its value on the next line.
    else if (text === setting) index += 1;
  }
  return kept;
}

function lineTexts(block: RootContent): string[] {
  if (block.type !== "paragraph") return [];
  return splitLines(block.children).map((line) => plainText(line).trim());
}

/** Whether `name` names the first field, while that field is still empty (`Front: ...` on its first line). */
function namesFirstField(fields: AnkiField[], name: string): boolean {
  return fields.length === 1 && fields[0]!.value === "" && FIRST_FIELD_NAMES.has(name.toLowerCase());
}

/** Reads the plugin's fields from the lines between the note type and `END`. */
function readFields(lines: string[], noteType: string): AnkiField[] {
  const firstName = /cloze/i.test(noteType) ? "Text" : "Front";
  const fields: AnkiField[] = [{ name: firstName, value: "" }];
  let inMetadata = false;
  for (const line of lines) {
    if (ID_COMMENT.test(line.trim())) continue;
    const field = FIELD.exec(line);
    if (field) {
      const named = { name: field[1]!, value: field[2] ?? "" };
      if (namesFirstField(fields, named.name)) fields[0] = named;
      else fields.push(named);
      inMetadata = false;
      continue;
    }
    if (METADATA.test(line)) {
      inMetadata = true;
      continue;
    }
    if (inMetadata) continue;
    const current = fields.at(-1)!;
    current.value = current.value === "" ? line : `${current.value}\n${line}`;
  }
  return fields.map((field) => ({ ...field, value: field.value.trim() }));
}

/** A setext heading whose last line closes a note (`END` over `---`), as the paragraph it was typed as. */
export function ankiNoteHeadingAsParagraph(heading: Heading): Paragraph | undefined {
  const { start, end } = heading.position ?? {};
  if (!start || !end || end.line === start.line) return undefined; // an ATX heading: one line
  const lines = splitLines(heading.children).map((line) => plainText(line).trim());
  // `START` ... `END` in one, or `END` alone (the note's other lines above an HTML comment).
  const closes = CLOSERS.has(lines.at(-1) ?? "") && (lines.length === 1 || OPENERS.has(lines[0]!));
  if (!closes) return undefined;
  return { type: "paragraph", children: heading.children, position: heading.position };
}

/**
 * The Obsidian_to_Anki note opening at `blocks[index]`, and how many following blocks it spans; or
 * undefined when that block opens none (or the note is never closed).
 */
export function readAnkiNote(
  blocks: RootContent[],
  index: number,
  source: string,
): { note: AnkiNoteBlock; consumed: number } | undefined {
  const first = blocks[index]!;
  const opener = lineTexts(first)[0];
  if (opener === undefined || !OPENERS.has(opener)) return undefined;
  let end = index;
  while (end < blocks.length && !CLOSERS.has(lineTexts(blocks[end]!).at(-1) ?? "")) end += 1;
  const last = blocks[end];
  const from = first.position?.start.offset;
  const to = last?.position?.end.offset;
  if (!last || from === undefined || to === undefined) return undefined;
  const lines = source
    .slice(from, to)
    .split("\n")
    .map((line) => line.replace(/^\s*>?\s?/, "").trimEnd());
  // The last block may run past `END` (a setext heading's underline).
  const inner = lines.slice(
    1,
    lines.findLastIndex((line) => CLOSERS.has(line.trim())),
  );
  const typeAt = inner.findIndex((line) => line.trim() !== "");
  const noteType = inner[typeAt]?.trim() ?? "Basic";
  const note: AnkiNoteBlock = {
    kind: "anki-note",
    line: first.position?.start.line ?? 1,
    noteType,
    fields: readFields(inner.slice(typeAt + 1), noteType),
  };
  return { note, consumed: end - index };
}
