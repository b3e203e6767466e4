/**
 * Headings that name a part of a note rather than something to learn (`References`, `Summary`,
 * `Week 3`, `A simple overview`), and headings over what is not study material at all (`Action
 * items`, `Ingredients`), under which `Name: text` lines are status and steps, not vocabulary.
 */
import { isLabel } from "./labels";

/** Headings that name a part of the note rather than something to learn. */
const SECTION_LABELS = new Set(
  [
    "introduction",
    "intro",
    "overview",
    "summary",
    "conclusion",
    "conclusions",
    "references",
    "reference",
    "resources",
    "related",
    "links",
    "useful links",
    "further reading",
    "see also",
    "table of contents",
    "contents",
    "toc",
    "notes",
    "my notes",
    "examples",
    "example",
    "exercises",
    "exercise",
    "practice",
    "homework",
    "todo",
    "to do",
    "agenda",
    "questions",
    "review questions",
    "quiz questions",
    "questions & answers",
    "questions and answers",
    "q&a",
    "faq",
    "answers",
    "syntax",
    "usage",
    "installation",
    "setup",
    "getting started",
    "background",
    "motivation",
    "appendix",
    "credits",
    "acknowledgements",
    "bibliography",
    "sources",
    "source",
    "footnotes",
    "tags",
    "metadata",
    "changelog",
    "bookmarks",
    "readings",
    "reading",
    "videos",
    "materials",
    "terms",
    "key terms",
    "vocabulary",
    "vocab",
    "glossary",
    "definitions",
    "concepts",
    "key concepts",
    "flashcards",
    "cards",
    "more on",
    "more",
    "misc",
    "miscellaneous",
    "other",
    "others",
    "details",
    "description",
    "implementation",
    "code",
    "some code",
    "demo",
    "output",
    "result",
    "results",
    "discussion",
    "thoughts",
    "takeaways",
    "key takeaways",
    "recap",
    "review",
    "next steps",
    "what's next",
    "images",
    "diagram",
    "diagrams",
    // Aspects of a topic rather than a term: what a heading over a list of them names.
    "types",
    "kinds",
    "categories",
    "classification",
    "characteristics",
    "features",
    "uses",
    "applications",
    "advantages",
    "disadvantages",
    "benefits",
    "drawbacks",
    "limitations",
    "pros and cons",
    "history",
    "basics",
    "fundamentals",
    "key points",
    "main points",
    "important points",
    "lecture notes",
    "class notes",
    "study notes",
    "reading notes",
    "tips",
    "tricks",
    "tips and tricks",
    "causes",
    "effects",
    "consequences",
    "significance",
    "impact",
    "events",
    "key events",
    "timeline",
    "outcomes",
    "steps",
    "process",
    "method",
    "methods",
    "procedure",
    "materials and methods",
    "aims",
    "objectives",
    "learning objectives",
    "learning outcomes",
    "goals",
    "requirements",
    "options",
    "configuration",
    "api",
    "license",
    "contributing",
  ].map((label) => label.toLowerCase()),
);

/** `Chapter 8`, `Week 3`, `Part 2- ...`, `Lecture 5: ...`: a course division, not a term. */
const DIVISION =
  /^(?:chapter|week|lecture|lesson|part|unit|module|lab|day|class|session|section|topic|exam|test|quiz|assignment|homework|hw|ch|sec|tutorial|seminar)\.?\s*\d+\b/i;

/** Words that make a heading a part of the note wherever they stand in it: `A simple overview`. */
const PART_WORDS = new Set([
  "overview",
  "introduction",
  "summary",
  "recap",
  "notes",
  "examples",
  "exercises",
  "references",
  "resources",
  "links",
  "legend",
  "hints",
  "tips",
  "todo",
  "questions",
  "bookmarks",
  "conclusion",
  "checklist",
  "logistics",
  "reminders",
]);

/**
 * True for a heading that names a part of the note: `References`, `Summary`, `Chapter 8`, `A simple
 * overview`, `Notes on X`, `Hints for myself`, `Examples of a subgroup`.
 */
export function isSectionLabel(title: string): boolean {
  const text = title
    .trim()
    .replace(/[:：]$/, "")
    .trim()
    .toLowerCase();
  if (SECTION_LABELS.has(text) || DIVISION.test(text) || isLabel(text, true)) return true;
  const words = text.split(/\s+/);
  const lastWord = words.at(-1) ?? "";
  const firstWord = words[0] ?? "";
  // `A simple overview`: the part word ends a short heading; `Notes on X`: it opens one before a preposition.
  if (words.length <= 4 && PART_WORDS.has(lastWord)) return true;
  return PART_WORDS.has(firstWord) && /^(?:on|for|of|to|about|from|in)$/.test(words[1] ?? "");
}

/**
 * Headings over things that are not study material: meeting minutes, to-dos, recipes, a project's
 * set-up. Under them, `Name: text` lines are status and steps, not vocabulary.
 */
const ASIDES = new Set(
  [
    "updates",
    "status",
    "decisions",
    "action items",
    "actions",
    "next steps",
    "attendees",
    "participants",
    "agenda",
    "minutes",
    "todo",
    "to do",
    "to-do",
    "tasks",
    "homework",
    "reminders",
    "schedule",
    "deadlines",
    "ingredients",
    "installation",
    "setup",
    "set-up",
    "getting started",
    "contributing",
    "license",
    "changelog",
    "credits",
    "contact",
    "links",
    "references",
    "resources",
    "bookmarks",
    "further reading",
    "sources",
  ].map((label) => label.toLowerCase()),
);

export function isAsideTitle(title: string): boolean {
  return ASIDES.has(
    title
      .trim()
      .replace(/[:：]$/, "")
      .trim()
      .toLowerCase(),
  );
}
