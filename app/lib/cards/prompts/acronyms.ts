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
  const matches = lines.map((line) => ({ text: plainText(line), match: LETTER_LINE.exec(plainText(line)) }));
  // `S - Single responsibility: one reason to change`: each line defines its own term; cards each.
  const definesMore = ({ text, match }: (typeof matches)[number]) =>
    match !== null && /:\s|\s[-–—=]\s/.test(text.slice(match[0].length));
  if (matches.some(({ match }) => match === null) || matches.some(definesMore)) return false;
  const letters = matches.map(({ match }) => match![1]);
  const word = letters.join("");
  const named = (plainText(above).match(/\p{Lu}{2,}/gu) ?? []).join("");
  return named.includes(word);
}
