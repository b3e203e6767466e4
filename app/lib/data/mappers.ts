/** Storage rows reshaped into the app's types (dates stay Dates, JSON columns parsed). */
import type { Schedule, StateValue } from "@/app/lib/scheduler";

export interface CardStateRow {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: Date | null;
  version: number;
}

export function reshapeSchedule(row: CardStateRow): Schedule {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as StateValue,
    last_review: row.last_review,
  };
}

/** The card's heading path; a malformed column reads as no context rather than failing the page. */
export function parseContext(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
