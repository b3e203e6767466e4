/** Words that open a remark (`Note:`, `**Warning:**`) rather than name a term to learn. */
import { ANSWER_WORDS, QUESTION_WORDS } from "../label-words";

const LABELS = new Set(
  [
    "note",
    "notes",
    "nb",
    "n.b.",
    "warning",
    "caution",
    "danger",
    "tip",
    "tips",
    "hint",
    "todo",
    "to do",
    "fixme",
    "example",
    "examples",
    "e.g.",
    "eg",
    "ex",
    "i.e.",
    "ie",
    "source",
    "sources",
    "see also",
    "related",
    "related notes",
    "backlinks",
    "see",
    "ref",
    "refs",
    "reference",
    "references",
    "resource",
    "resources",
    "link",
    "links",
    "url",
    "important",
    "info",
    "update",
    "edit",
    "summary",
    "tl;dr",
    "tldr",
    "answer",
    "question",
    "expected answer",
    "correct answer",
    // The same in the languages people take notes in.
    "réponse attendue",
    "bonne réponse",
    "respuesta esperada",
    "respuesta correcta",
    "resposta esperada",
    "resposta correta",
    "erwartete antwort",
    "risposta attesa",
    "答案",
    "答",
    "回答",
    "答え",
    "解答",
    "问题",
    "問題",
    "정답",
    "답변",
    "q",
    "a",
    "date",
    "author",
    "status",
    "remember",
    "reminder",
    "exercise",
    "homework",
    "read",
    "reading",
    "video",
    "image",
    "figure",
    "fig",
    "table",
    "quote",
    "please note",
    "last updated",
    "updated",
    "created",
    "tags",
    "ps",
    "p.s.",
    // Notes to self.
    "still confused about",
    "still unsure about",
    "confused about",
    "unsure about",
    "ask about",
    "to review",
    "thoughts",
    "today's progress",
    "time spent",
    "blockers",
    "what i learned",
    "today i learned",
    "til",
    "still need to add",
    "note to self",
    "one-line summary",
    "one-sentence summary",
    "quick summary",
    "heads up",
    "trick",
    "tricks",
    // What the writer drew from the material, not a term in it.
    "key idea",
    "main idea",
    "big idea",
    "key takeaway",
    "key takeaways",
    "in a nutshell",
    "further reading",
    "reading list",
    // An exam paper's answer, under its question.
    "mark scheme",
    "marking scheme",
    "model answer",
    "suggested answer",
    "goal",
    "goals",
    "practice",
    "logistics",
    // What a term is for, said under it (`Used for: DFS, undo`): more about the term, not a term.
    "used for",
    "uses",
    "use case",
    "use cases",
    // The parts of an essay outline (not `Evidence`, `Thesis` or `Hook`, which glossaries define).
    "thesis statement",
    "topic sentence",
    "counterargument",
    "counter-argument",
    "intro",
    // Where a question or note stands among others.
    "follow-up",
    "follow up",
    "followup",
    "next",
    "previous",
    "prev",
    // The parts of a case brief, as common in law notes as a glossary defining them.
    "facts",
    "issue",
    "issues",
    "holding",
    "reasoning",
    "procedural history",
    // Course and meeting details.
    "attendees",
    "participants",
    "location",
    "venue",
    "agenda",
    "office hours",
    "instructor",
    "lecturer",
    "professor",
    "teacher",
    "ta",
    "tas",
    "phone",
    "contact",
    "deadline",
    "due",
    "due date",
    "slides",
    "textbook",
    "room",
    "semester",
    "prerequisites",
    // The same remarks in Chinese, Japanese and Korean notes.
    "注意",
    "注",
    "备注",
    "提示",
    "例如",
    "参考",
    "メモ",
    "ヒント",
    "참고",
    "주의",
    "추가 설명",
    "추가설명",
    "补充",
    "补充说明",
    "補足",
    "예시",
    "예제",
    "例",
    "例子",
    "举例",
    "例えば",
    "小结",
    // And in European notes: German, French, Spanish, Portuguese, Italian, Russian, Vietnamese, Turkish, Polish.
    "z.b.",
    "par exemple",
    "por ejemplo",
    "por exemplo",
    "obs.",
    "например",
  ].map((label) => label.toLowerCase()),
);

/**
 * Remarks and answers named in other languages (`Beispiel:`, `Nota:`, `Réponse :`, `Пример:`): each is
 * also a word a language learner's vocabulary list defines (`Beispiel: example`), so only a label
 * before a sentence (see isRemarkLabel).
 */
const REMARKS_OR_WORDS = new Set([
  "beispiel",
  "beispiele",
  "hinweis",
  "anmerkung",
  "achtung",
  "quelle",
  "quellen",
  "tipp",
  "merke",
  "exemple",
  "exemples",
  "remarque",
  "rappel",
  "astuce",
  "ejemplo",
  "ejemplos",
  "nota",
  "notas",
  "fuente",
  "fuentes",
  "exemplo",
  "exemplos",
  "observação",
  "observações",
  "dica",
  "fonte",
  "fontes",
  "esempio",
  "esempi",
  "osservazione",
  "attenzione",
  "пример",
  "примеры",
  "примечание",
  "замечание",
  "внимание",
  "источник",
  "ví dụ",
  "lưu ý",
  "chú ý",
  "ghi chú",
  "örnek",
  "örnekler",
  "dikkat",
  "kaynak",
  "przykład",
  "przykłady",
  "uwaga",
  "źródło",
  "예",
  ...[...ANSWER_WORDS, ...QUESTION_WORDS].map((word) => word.toLowerCase()),
]);

/**
 * `Beispiel: Am Morgen lag dichter Nebel über dem Fluss.`, `**Réponse** : Deux processus ...`: a word
 * of REMARKS_OR_WORDS before three words or more labels a remark; before a word or two
 * (`Beispiel: example`, `nota: grade`) it is vocabulary.
 */
export function isRemarkLabel(term: string, definition: string): boolean {
  const name = term
    .trim()
    .replace(/[:：]$/, "")
    .trim()
    .toLowerCase();
  return REMARKS_OR_WORDS.has(name) && definition.trim().split(/\s+/).length >= 3;
}

/**
 * Headers of a mathematical text: `Proof: ...`, `**Definition.** A group is ...`. Labels only when
 * punctuated as headers (`**remark** plugin` is a word); a named one (`Theorem (Lagrange): ...`) is
 * a term.
 */
const HEADERS = new Set([
  "definition",
  // A study guide's part of a concept: `**What it is:**` over its definition.
  "what it is",
  "proof",
  "remark",
  "remarks",
  "claim",
  "observation",
  "lemma",
  "theorem",
  "proposition",
  "corollary",
  "proof sketch",
  "proof idea",
  "intuition",
]);

/** Words that number a caption: `Figure 1`, `Fig. 2`, `Eq. 3`. */
const CAPTIONS = new Set([
  "figure",
  "fig",
  "table",
  "tab",
  "image",
  "diagram",
  "chart",
  "listing",
  "equation",
  "eq",
]);

/** Words that are labels before what they are about (`Recall from last time`), terms alone (`Recall`). */
const BEFORE_WHAT_IT_IS_ABOUT = new Set(["recall", "review", "recap", "thoughts", "questions"]);

/** Words that are labels only when numbered: `Step 1`, `Part 2`, `Week 3` (a `Step function` is a term). */
const NUMBERED_ONLY = new Set([
  "step",
  "part",
  "stage",
  "lesson",
  "chapter",
  "week",
  "day",
  "lecture",
  "unit",
]);

// `Exam tip:`, `Pro tip:`, `Quick reminder:`, `Memory trick:`: a short phrase ending in one of these is a label too.
// (Not `note`: `Promissory note`, `Quarter note` are terms.)
const LABEL_ENDINGS = new Set([
  "tip",
  "tips",
  "hint",
  "hints",
  "warning",
  "reminder",
  "caution",
  "trick",
  "tricks",
]);

/**
 * True for `Note`, `See also`, `e.g.`, `Exam tip` ... (with or without the trailing colon).
 * `punctuated`: the word is followed by `:` or `.` (always so for a term before its separator).
 */
export function isLabel(term: string, punctuated = true): boolean {
  const label = term
    .trim()
    .replace(/[:：]$/, "")
    .trim()
    .toLowerCase();
  const words = label.split(/\s+/);
  // `Reading for next week`, `Homework for Friday`, `Notes on chapter 3`: a label and what it is about.
  if (
    words.length <= 5 &&
    (LABELS.has(words[0] ?? "") || BEFORE_WHAT_IT_IS_ABOUT.has(words[0] ?? "")) &&
    /^(?:for|on|of|about|from|due|in)$/.test(words[1] ?? "")
  )
    return true;
  // `Definition.` is as much a label as `Definition:`; `e.g.` keeps its dot.
  const bare = label.replace(/\.$/, "");
  if (LABELS.has(label) || LABELS.has(bare) || (punctuated && HEADERS.has(bare))) return true;
  // Numbered captions and exercises: `Figure 1`, `Fig. 2.3`, `Table 4`, `Exercise 5b`; all short (the
  // pattern backtracks over a long run of digits).
  const numbered = label.length <= 40 ? /^(.+?)\s*\d+(?:\.\d+)*[a-z]?\.?$/.exec(label)?.[1] : undefined;
  const name = numbered?.replace(/\.$/, "") ?? "";
  if (LABELS.has(name) || CAPTIONS.has(name) || NUMBERED_ONLY.has(name) || (punctuated && HEADERS.has(name)))
    return true;
  return words.length <= 3 && LABEL_ENDINGS.has(words.at(-1) ?? "");
}

/** Labels that open a remark to the reader (`Remember: paper 2 due Friday!!`), never an answer. */
const REMARK =
  /^\W*(?:note|nb|n\.b\.|remember|reminder|todo|to do|fixme|tip|tips|warning|caution|heads up|ps|p\.s\.)\W*\s*[:：]/i;

/** Whether a line opens with a remark's label (see REMARK). */
export function opensWithRemark(text: string): boolean {
  return REMARK.test(text);
}
