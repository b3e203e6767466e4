/**
 * CommonMark reads text indented four spaces as code. People indent prose too (a whole note pasted
 * with an indent, an answer indented under its bullet): these tell the two apart.
 */
import type { Code } from "mdast";

/** Removes the indentation every non-blank line shares. */
export function dedent(value: string): string {
  const lines = value.split("\n");
  const indents = lines
    .filter((line) => line.trim() !== "")
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines
    .map((line) => line.slice(common))
    .join("\n")
    .trim();
}

/**
 * Lines ending in `{` or `}`, statements ending in `;`, or shell prompts are code whatever the
 * indentation says. A sentence wrapped after a semicolon (`No handshake happens;`) is not.
 */
export function looksLikeCode(value: string): boolean {
  return value.split("\n").some((line) => {
    if (/[{}]\s*$/.test(line) || /^\s*(\$|>>>) /.test(line)) return true;
    const statement = /[=()[\]<>"`]/.test(line) || line.trim().split(/\s+/).length <= 3;
    return /;\s*$/.test(line) && statement;
  });
}

const WORD = /\p{L}{2,}/gu;

/**
 * Indented text that reads as prose: no line looks like code, and most lines are words (three or
 * more) with little code punctuation. An indented ASCII diagram or program output is not prose.
 */
export function readsAsProse(value: string): boolean {
  if (looksLikeCode(value)) return false;
  const lines = value.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return false;
  const prose = lines.filter((line) => {
    const words = line.match(WORD)?.length ?? 0;
    // A call's parenthesis (`print(x)`) is code; one after a space (`開ける (あける)`) is prose.
    const symbols = line.match(/[{}[\];=<>|\\^~]|[\w)]\(|\)(?=[\w.(;])/gu)?.length ?? 0;
    return words >= 3 && symbols * 10 <= line.length;
  });
  return prose.length * 5 >= lines.length * 3;
}

/** A code block opened with a fence (```` ``` ```` or `~~~`) rather than by indentation. */
export function isFenced(code: Code, source: string): boolean {
  const start = code.position?.start.offset;
  if (start === undefined) return true;
  const opening = source.slice(start, start + 3);
  return opening === "```" || opening === "~~~";
}
