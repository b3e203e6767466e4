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
import { DEFINITION_WORDS } from "../label-words";
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
  "as a noun",
  "as a verb",
  "as an adjective",
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
  "consequences",
  "effects",
  "aftermath",
  "key people",
  "key figures",
  // Studies (psychology, medicine) and cases (law).
  "aim",
  "aims",
  "method",
  "methods",
  "procedure",
  "participants",
  "findings",
  "conclusion",
  "conclusions",
  "evaluation",
  "strengths",
  "weaknesses",
  "limitations",
  "presentation",
  "investigations",
  "held",
  "holding",
  "ratio decidendi",
  // Techniques and algorithms.
  "when to use",
  // Concepts explained in set parts, as study guides (and chat assistants) write them.
  "what",
  "why",
  "how",
  "what it is",
  "what it does",
  "why it matters",
  "how it works",
  "use case",
  "use cases",
  "analogy",
  "real-world example",
  "real world example",
  "time complexity",
  "space complexity",
  // The same parts in other languages: definitions, pros and cons, uses, features, examples.
  ...DEFINITION_WORDS,
  "优点",
  "缺点",
  "优势",
  "劣势",
  "特点",
  "作用",
  "原理",
  "适用场景",
  "应用场景",
  "使用场景",
  "例子",
  "示例",
  "장점",
  "단점",
  "특징",
  "예시",
  "용도",
  "利点",
  "欠点",
  "メリット",
  "デメリット",
  "特徴",
  "用途",
  "役割",
  "ventajas",
  "desventajas",
  "vantagens",
  "desvantagens",
  "avantages",
  "inconvénients",
  "vorteile",
  "nachteile",
  "vantaggi",
  "svantaggi",
  "преимущества",
  "недостатки",
  "плюсы",
  "минусы",
  "ưu điểm",
  "nhược điểm",
  "zalety",
  "wady",
  "zaleta",
  "wada",
  "avantajlar",
  "dezavantajlar",
]);

/**
 * Names that are fields beside the names above, and terms on their own (a glossary of `Class:`,
 * `Type:`, `Function:` defines them).
 */
const GENERIC_NAMES = new Set([
  // `Def: *Externality* - ...` labels a term line of its own.
  "def",
  "defn",
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
  "time",
  "space",
  "facts",
  "background",
  "overall",
  "equation",
  "problems",
  "template",
]);

/** Fields whose value speaks of the term above them: never a definition of the field's name. */
const OF_THE_TERM = new Set([
  "definition",
  "def",
  "defn",
  "meaning",
  "usage",
  "example",
  "examples",
  ...DEFINITION_WORDS,
]);

/** `**Definition:** ...`, `Why: ...`, `Side effects - ...`: the name before a field's separator. */
const NAMED = /^\s*([^:：\n]{1,40}?)\s*(?:[:：]|\s[-–—]\s)\s*\S/u;

/** `Class`, `Side effects`, `Synonym`: the name of a fact about a term, not a term of its own. */
export function isFieldName(name: string): boolean {
  const key = name.trim().toLowerCase();
  return FIELD_NAMES.has(key) || GENERIC_NAMES.has(key);
}

function fieldName(line: Phrasing | undefined): string | undefined {
  const split = line && (boldDefinition(line) ?? plainDefinition(line));
  // Read as a term or not: `Definition:` and `Example:` are labels, never terms, and fields all the same.
  const name = split
    ? plainText(split.term).trim().toLowerCase()
    : line && NAMED.exec(plainText(line).replace(/[*_]/g, ""))?.[1]?.trim().toLowerCase();
  return name !== undefined && (FIELD_NAMES.has(name) || GENERIC_NAMES.has(name)) ? name : undefined;
}

/**
 * A list of named facts (see the file comment), no to-do among them: every item, or all but a
 * remark among three or more (`- **MOA:** ...` / `- **Class:** ...` / `- do not stop abruptly`).
 */
export function isFieldList(block: Block | undefined): boolean {
  if (block?.kind === "paragraph") return isFieldParagraph(block.lines);
  if (block?.kind !== "list" || block.items.length === 0) return false;
  if (block.items.some((item) => item.checked !== null)) return false;
  const names = block.items.map((item) => fieldName(item.lead?.lines[0]));
  const named = names.filter((name) => name !== undefined);
  const enough = named.length === names.length || (named.length >= 2 && named.length >= names.length - 1);
  const definitions = block.items.map((item) => item.lead?.lines[0]);
  return enough && named.some((name) => FIELD_NAMES.has(name!)) && !definesTheNames(definitions);
}

/**
 * `Aim: a general statement of what a study intends` / `Indication: the reason a drug is given`: a
 * glossary of the names themselves, its values defining them (most open with an article or `how`),
 * where a term's facts say something of it (`Aim: to see whether ...`, `Class: beta blocker`).
 */
function definesTheNames(lines: (Phrasing | undefined)[]): boolean {
  const values = lines.flatMap((line) => {
    const split = line && (boldDefinition(line) ?? plainDefinition(line));
    // `Def: A raised bank ...`, `Usage: The levee held ...` speak of the term above, as named.
    const ofTheTerm = split && OF_THE_TERM.has(plainText(split.term).trim().toLowerCase());
    return split && !ofTheTerm ? [plainText(split.definition).trim()] : [];
  });
  const defining = values.filter((value) => /^(?:a|an|the|how|what|when|where|any|one)\s/i.test(value));
  return values.length > 0 && defining.length * 2 > values.length;
}

/**
 * The same facts as lines of one paragraph (`Aim: to see whether ...` / `Method: 40 volunteers ...`),
 * each perhaps wrapped onto lines of its own: it opens with a field, holds two, and every line that
 * names something names a field.
 */
function isFieldParagraph(lines: Phrasing[]): boolean {
  if (lines.length < 2 || fieldName(lines[0]) === undefined) return false;
  const names = lines.map((line) => ({ field: fieldName(line), named: namesSomething(line) }));
  const fields = names.filter(({ field }) => field !== undefined);
  return (
    fields.length >= 2 &&
    names.every(({ field, named }) => field !== undefined || !named) &&
    fields.some(({ field }) => FIELD_NAMES.has(field!)) &&
    !definesTheNames(lines.filter((line) => fieldName(line) !== undefined))
  );
}

/** Whether a line names something before a separator (`Term: ...`). */
function namesSomething(line: Phrasing): boolean {
  return (boldDefinition(line) ?? plainDefinition(line)) !== undefined;
}
