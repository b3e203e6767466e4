/**
 * Learning steps as the learner types them: positive durations in minutes, hours or days separated
 * by spaces, the way ts-fsrs spells a `StepUnit` ("1m 10m", "1d", "30m 1h"). An empty string means
 * no steps: FSRS schedules the card in days from its first grade.
 */

/** A step ts-fsrs accepts: a positive number and one of m, h, d. */
export type Step = `${number}${"m" | "h" | "d"}`;

const stepPattern = /^(\d+(?:\.\d+)?)([mhd])$/;
const minutesPer = { m: 1, h: 60, d: 1440 } as const;
/** More steps than this is a typo, not a plan (Anki users rarely pass four). */
export const maxSteps = 10;

/** The steps in `text`, or a message naming the first one that is not a step. */
export function parseSteps(text: string): { steps: Step[] } | { error: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length > maxSteps) return { error: `At most ${maxSteps} steps.` };
  for (const word of words) {
    const match = stepPattern.exec(word);
    if (!match || Number(match[1]) <= 0)
      return { error: `"${word}" is not a step: write a number and m, h or d, like 10m or 1d.` };
    // A step of a year or more is no longer a learning step; keep ts-fsrs's arithmetic sane.
    if (Number(match[1]) * minutesPer[match[2] as keyof typeof minutesPer] > 365 * 1440)
      return { error: `"${word}" is longer than a year.` };
  }
  return { steps: words as Step[] };
}

/** The steps in already validated text (settings read back from the database). Invalid text gives []. */
export function stepsOf(text: string): Step[] {
  const parsed = parseSteps(text);
  return "steps" in parsed ? parsed.steps : [];
}

/** The canonical spelling of valid steps: single spaces, no padding. */
export function normaliseSteps(text: string): string {
  return text.trim().split(/\s+/).filter(Boolean).join(" ");
}
