/**
 * The costs of the grades in a window: CPU seconds per 1,000 grades in each instance and in
 * PostgreSQL's backends, and the statements the apps sent per grade (from the counting proxy).
 */
import { type CpuSnapshot, type CpuTracker } from "./cpu";
import type { MessageCounts } from "./pg-proxy";
import type { Surroundings } from "./setup";

/** CPU seconds per 1,000 grades in each instance and in PostgreSQL, and statements per grade. */
export interface Costs {
  appCpuPer1000: number[];
  postgresCpuPer1000: number | null;
  statementsPerGrade: number | null;
  /** Each statement's SQL with how many times a grade sent it, most first (PostgreSQL). */
  statements: [string, number][];
}

export interface Meter {
  start(): Promise<void>;
  /** Costs since start() for `grades` grades. */
  stop(grades: number): Promise<Costs>;
}

export function createMeter(
  surroundings: Surroundings,
  trackers: { apps: CpuTracker[]; postgres: CpuTracker | null },
): Meter {
  let appStart: CpuSnapshot[] = [];
  let postgresStart: CpuSnapshot | null = null;
  let countsStart: MessageCounts | null = null;
  let textsStart = new Map<string, number>();
  const all = [...trackers.apps, ...(trackers.postgres ? [trackers.postgres] : [])];
  return {
    async start() {
      await Promise.all(all.map((tracker) => tracker.poll()));
      appStart = trackers.apps.map((tracker) => tracker.snapshot());
      postgresStart = trackers.postgres?.snapshot() ?? null;
      countsStart = surroundings.proxy?.counts() ?? null;
      textsStart = surroundings.proxy?.statementTexts() ?? new Map();
    },
    async stop(grades) {
      await Promise.all(all.map((tracker) => tracker.poll()));
      const per1000 = (seconds: number) => (grades ? (seconds * 1000) / grades : NaN);
      const counts = surroundings.proxy?.counts();
      const statements = [...(surroundings.proxy?.statementTexts() ?? new Map<string, number>())]
        .map(([text, count]): [string, number] => [
          text,
          (count - (textsStart.get(text) ?? 0)) / Math.max(1, grades),
        ])
        .filter(([, perGrade]) => perGrade > 0)
        .sort((a, b) => b[1] - a[1]);
      return {
        statements,
        appCpuPer1000: trackers.apps.map((tracker, i) => per1000(tracker.secondsSince(appStart[i]!))),
        postgresCpuPer1000:
          trackers.postgres && postgresStart ? per1000(trackers.postgres.secondsSince(postgresStart)) : null,
        statementsPerGrade:
          counts && countsStart && grades
            ? (counts.execute - countsStart.execute + counts.query - countsStart.query) / grades
            : null,
      };
    },
  };
}
