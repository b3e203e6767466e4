/**
 * What to practise, from the practice page's query string: `?ahead=7` = the cards due within the
 * next 7 days (review ahead), anything else = every card of the deck (cram).
 */
import { z } from "zod";

export type PracticeChoice = { kind: "cram" } | { kind: "ahead"; days: number };

export const maxAheadDays = 365;

const aheadSchema = z.coerce
  .number({ error: "Enter a number of days." })
  .int("Enter a whole number of days.")
  .min(1, "Enter at least 1 day.")
  .max(maxAheadDays, `Enter at most ${maxAheadDays} days.`);

/** The choice, or the cram default with a message saying why the days given were not used. */
export function parsePracticeQuery(params: Record<string, string | string[] | undefined>): {
  choice: PracticeChoice;
  error: string | null;
} {
  const mode = typeof params.mode === "string" ? params.mode : undefined;
  const raw = typeof params.ahead === "string" ? params.ahead : undefined;
  if (mode !== "ahead") return { choice: { kind: "cram" }, error: null };
  const parsed = aheadSchema.safeParse(raw === undefined || raw.trim() === "" ? Number.NaN : raw);
  if (!parsed.success) {
    return {
      choice: { kind: "cram" },
      error: `${parsed.error.issues[0]?.message ?? "Enter a number of days."} Showing every card instead.`,
    };
  }
  return { choice: { kind: "ahead", days: parsed.data }, error: null };
}
