/**
 * A mnemonic spelled out under the line that names it:
 *
 *     **ARROW**                              ### IMSAFE
 *     - A - Airworthiness certificate        I - Illness
 *     - R - Registration certificate         M - Medication
 *     ...                                    ...
 *
 * One card, the acronym on the front and its letters' lines on the back: a card `R` ->
 * `Registration certificate` would ask nothing. The lines must start with the acronym's letters in
 * order, and the line above (a bold term, a heading, an item) must name it in capitals; letters
 * that spell nothing named above (`A - Airway` / `B - Breathing` under `Primary survey`) stay cards.
 */
import { plainText, type Phrasing } from "../phrasing";

/** `A - Airworthiness`, `**A** – Airway`, `A: Alarm`, `A) Aim`, `T Tachometer`: a letter and its word. */
const LETTER_LINE = /^\s*(\p{Lu})(?:\s*[-–—:=)]\s*|\s+)(?=\S)/u;

/** Whether the lines spell out an acronym that `above` names in capitals. */
export function spellsOut(lines: Phrasing[], above: Phrasing | undefined): boolean {
  if (!above || lines.length < 3) return false;
  const letters = lines.map((line) => LETTER_LINE.exec(plainText(line))?.[1]);
  if (!letters.every((letter) => letter !== undefined)) return false;
  const word = letters.join("");
  const named = (plainText(above).match(/\p{Lu}{2,}/gu) ?? []).join("");
  return named.includes(word);
}
