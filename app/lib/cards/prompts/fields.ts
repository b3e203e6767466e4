/**
 * Field lists: the facts notes give about one term under names of their own, the same for every
 * term of the kind (a drug's `Class:`, `MOA:`, `Side effects:`; a word's `Example:`; an event's
 * `Date:`, `Significance:`):
 *
 *     - **Metoprolol**
 *         - Class: beta-1 selective blocker
 *         - Side effects: bradycardia, fatigue
 *
 * The names are not terms to learn: the list is the answer of the term above it. Generic names
 * (`Class:`, `Type:`) count only beside a name that is a field and nothing else (`MOA:`).
 */
import type { Block } from "../outline/types";
import { plainText, type Phrasing } from "../phrasing";
import { boldDefinition, plainDefinition } from "./definitions";

const FIELD_NAMES = new Set([
  // Drugs and diseases.
  "moa",
  "mechanism of action",
  "side effects",
  "side effect",
  "adverse effects",
  "adverse effect",
  "indications",
  "indication",
  "contraindications",
  "contraindication",
  "interactions",
  "dose",
  "dosage",
  "route",
  "monitoring",
  "nursing considerations",
  "cause",
  "causes",
  "symptoms",
  "signs",
  "signs and symptoms",
  "diagnosis",
  "treatment",
  "management",
  "risk factors",
  "complications",
  "pathophysiology",
  "prognosis",
  // Words.
  "definition",
  "meaning",
  "example",
  "examples",
  "synonym",
  "synonyms",
  "antonym",
  "antonyms",
  "pronunciation",
  "plural",
  "gender",
  "translation",
  "usage",
  "etymology",
  // Events and people.
  "date",
  "dates",
  "when",
  "where",
  "who",
  "significance",
  "importance",
  "outcome",
  "result",
  "results",
  "impact",
  "known for",
  "pros",
  "cons",
  "advantages",
  "disadvantages",
]);

/**
 * Names that are fields beside the names above, and terms on their own (a glossary of `Class:`,
 * `Type:`, `Function:` defines them).
 */
const GENERIC_NAMES = new Set([
  "class",
  "drug class",
  "action",
  "mechanism",
  "type",
  "function",
  "location",
  "structure",
  "purpose",
  "formula",
  "units",
  "unit",
  "properties",
  "uses",
  "use",
  "role",
]);

function fieldName(line: Phrasing | undefined): string | undefined {
  const split = line && (boldDefinition(line) ?? plainDefinition(line));
  const name = split ? plainText(split.term).trim().toLowerCase() : undefined;
  return name !== undefined && (FIELD_NAMES.has(name) || GENERIC_NAMES.has(name)) ? name : undefined;
}

/**
 * A list of named facts (see the file comment), no to-do among them: every item, or all but a
 * remark among three or more (`- **MOA:** ...` / `- **Class:** ...` / `- do not stop abruptly`).
 */
export function isFieldList(block: Block | undefined): boolean {
  if (block?.kind !== "list" || block.items.length === 0) return false;
  if (block.items.some((item) => item.checked !== null)) return false;
  const names = block.items.map((item) => fieldName(item.lead?.lines[0]));
  const named = names.filter((name) => name !== undefined);
  const enough = named.length === names.length || (named.length >= 2 && named.length >= names.length - 1);
  return enough && named.some((name) => FIELD_NAMES.has(name!));
}
