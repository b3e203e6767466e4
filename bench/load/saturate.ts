/**
 * The saturation runs of a phase: at each concurrency level, the first instance alone and then all of
 * them, each run started only once the instances are idle, with the costs of its measured window.
 */
import type { CpuTracker } from "./cpu";
import { createRecorder, type Learner, type Recorder, type Target } from "./grader";
import type { Costs, Meter } from "./meter";
import { percentile } from "./notes";
import { requestTimeoutMs, saturationRun } from "./runs";

export interface SaturationFigures extends Costs {
  instances: number;
  concurrency: number;
  gradesPerSecond: number;
  p50: number;
  p99: number;
}

/**
 * Waits until the instances use under a third of a core each for a second (at most 60 s): after an
 * overloaded study run they still work through requests their clients gave up on, and a saturation
 * run measured then would count that backlog against them.
 */
async function waitForIdle(apps: CpuTracker[]): Promise<boolean> {
  for (let waited = 0; waited < 60; waited++) {
    await Promise.all(apps.map((tracker) => tracker.poll()));
    const before = apps.map((tracker) => tracker.snapshot());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await Promise.all(apps.map((tracker) => tracker.poll()));
    if (apps.every((tracker, i) => tracker.secondsSince(before[i]!) < 0.33)) return true;
  }
  return false;
}

export interface SaturateContext {
  learners: Learner[];
  targets: Target[];
  instanceCount: number;
  apps: CpuTracker[];
  meter: Meter;
  options: {
    provider: string;
    levels: number[];
    warmupMs: number;
    measureMs: number;
    log(line: string): void;
  };
}

const okLatencies = (recorder: Recorder) =>
  recorder.attempts.filter((attempt) => attempt.ok).map((attempt) => attempt.ms);

export async function saturateAll(
  context: SaturateContext,
): Promise<{ saturation: SaturationFigures[]; recorders: Recorder[] }> {
  const { learners, targets, apps, meter, options } = context;
  const { log } = options;
  const saturation: SaturationFigures[] = [];
  const sets = context.instanceCount > 1 ? [[0], targets.map((_, i) => i)] : [[0]];
  const recorders: Recorder[] = [];
  // One instance and all of them alternate at each level, so that a neighbour's load on this shared
  // machine drifting over the minutes of the runs does not favour one side.
  for (const concurrency of options.levels) {
    for (const set of sets) {
      const idle = await waitForIdle(apps);
      if (!idle) log(`[${options.provider}] the instances were still busy after 60 s; saturating anyway`);
      let costs: Costs | null = null;
      const recorder = createRecorder();
      recorders.push(recorder);
      let windowGrades = 0;
      const result = await saturationRun(
        {
          learners,
          targets,
          instances: set,
          concurrency: Math.min(concurrency, learners.length),
          warmupMs: options.warmupMs,
          measureMs: options.measureMs,
          timeoutMs: requestTimeoutMs,
          onWindow: async (edge) => {
            if (edge === "start") {
              windowGrades = recorder.grades.filter((grade) => grade.confirmedAt !== null).length;
              await meter.start();
            } else {
              const now = recorder.grades.filter((grade) => grade.confirmedAt !== null).length;
              costs = await meter.stop(now - windowGrades);
            }
          },
        },
        recorder,
      );
      const latencies = okLatencies(recorder);
      const figures: SaturationFigures = {
        ...costs!,
        appCpuPer1000: costs!.appCpuPer1000.filter((_, i) => set.includes(i)),
        instances: set.length,
        concurrency: result.concurrency,
        gradesPerSecond: result.gradesPerSecond,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
      log(
        `[${options.provider}] saturation, ${set.length} instance(s), ${figures.concurrency} clients: ` +
          `${figures.gradesPerSecond.toFixed(0)} grades/s, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms`,
      );
      saturation.push(figures);
    }
  }

  return { saturation, recorders };
}
