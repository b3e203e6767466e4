/**
 * Questions numbered by hand as lines of one paragraph, each answered by the lines under it:
 *
 *     1- What is the GIL?
 *        a mutex that lets one thread run bytecode at a time
 *     2- What is a generator?
 *        a function that uses yield
 *
 * `1-` is no list marker, so markdown reads the whole run as one paragraph.
 */
import { joinLines, plainText, type Phrasing } from "../phrasing";
import { isQuestionText, numberingLength, questionFront } from "./questions";
import { makePrompt, type Prompt } from "./types";

/**
 * The questions of such a paragraph (the first on its first line, most of them asking, two at least,
 * every one answered); "unanswered" for such questions with no answer at all; undefined otherwise.
 */
export function numberedQuestionLines(lines: Phrasing[]): Prompt[] | "unanswered" | undefined {
  const numbered = lines.flatMap((line, at) => (numberingLength(plainText(line).trim()) > 0 ? [at] : []));
  if (numbered.length < 2 || numbered[0] !== 0) return undefined;
  // Most of them ask (`2- What is a generator` may have lost its `?`).
  const asking = numbered.filter((at) => isQuestionText(plainText(lines[at]!)));
  if (asking.length < 2 || asking.length * 2 < numbered.length + 1) return undefined;
  const prompts = numbered.map((start, index) =>
    makePrompt(
      "question",
      "numbered",
      "strong",
      questionFront(lines[start]!),
      joinLines(lines.slice(start + 1, numbered[index + 1] ?? lines.length)),
      start,
    ),
  );
  // A run of questions with no answer between them is a list of questions still to answer.
  if (numbered.length === lines.length) return "unanswered";
  return prompts.every((prompt) => prompt.answer.length > 0) ? prompts : undefined;
}
