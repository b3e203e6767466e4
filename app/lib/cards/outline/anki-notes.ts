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
 * first field needs no prefix; later ones start with their name (`Back:`, `Extra:`, `Back Extra:`).
 * `Tags:`, `Reference:`-style metadata lines and `<!--ID: ...-->` comments are never part of a field.
 * The block is found through the markdown parser (a paragraph opening with `START` or `%%ANKI` and
 * one closing with `END` or `END%%`); its lines are then read as the plugin reads them.
 */
import type { RootContent } from "mdast";
import { plainText, splitLines } from "../phrasing";
import type { AnkiField, AnkiNoteBlock } from "./types";

const OPENERS = new Set(["START", "%%ANKI"]);
const CLOSERS = new Set(["END", "END%%"]);
const FIELD = /^(Front|Back|Text|Extra|Back Extra|Answer|Question)\s*:\s?(.*)$/i;
const METADATA = /^(Tags?|References?|Source|Deck|Target Deck|File|Link|ID)\s*:/i;
const ID_COMMENT = /^<!--\s*ID:.*-->$/;

function lineTexts(block: RootContent): string[] {
  if (block.type !== "paragraph") return [];
  return splitLines(block.children).map((line) => plainText(line).trim());
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
      fields.push({ name: field[1]!, value: field[2] ?? "" });
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
  const inner = lines.slice(1, -1);
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
