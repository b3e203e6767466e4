/**
 * Field lists: the facts notes give about one term under names of their own, the same for every
 * term of the kind (a drug's `Class:`, `MOA:`, `Side effects:`; a word's `Example:`; an event's
 * `Date:`, `Significance:`):
 *
 *     - **Metoprolol**
 *         - Class: beta-1 selective blocker
 *         - Side effects: bradycardia, fatigue
 *
 * The names are not terms to learn: the list is the answer of the term above it.
 */
import type { Block } from "../outline/types";
import { plainText, type Phrasing } from "../phrasing";
import { boldDefinition, plainDefinition } from "./definitions";

const FIELD_NAMES = new Set([
  // Drugs and diseases.
  "class",
  "drug class",
  "moa",
  "mechanism",
  "mechanism of action",
  "action",
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
  "role",
  // Things in general.
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
  "pros",
  "cons",
  "advantages",
  "disadvantages",
]);

function fieldName(line: Phrasing | undefined): string | undefined {
  const split = line && (boldDefinition(line) ?? plainDefinition(line));
  const name = split ? plainText(split.term).trim().toLowerCase() : undefined;
  return name !== undefined && FIELD_NAMES.has(name) ? name : undefined;
}

/** A list of which every item is one named fact (see the file comment), no to-do among them. */
export function isFieldList(block: Block | undefined): boolean {
  return (
    block?.kind === "list" &&
    block.items.length > 0 &&
    block.items.every((item) => item.checked === null && fieldName(item.lead?.lines[0]) !== undefined)
  );
}
