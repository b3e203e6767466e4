/**
 * The two kinds of load: learners studying (each about one grade a second, a new grade only once the
 * last one is answered, as one person at one page) and a saturation run (a fixed number of clients
 * sending grades back to back, to find the most grades a second the instances can take).
 */
import type { Balancer } from "./balancer";
import { gradeNext, type GradeMix, type Learner, type Recorder, type Target } from "./grader";

/**
 * The outbox sets no time limit on a save (app/ui/study/use-outbox.ts); a long one here stands for
 * a browser giving up on a hung connection, and keeps an overloaded server from being sent copies
 * of work it is still doing.
 */
export const requestTimeoutMs = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StudyRun {
  learners: Learner[];
  targets: Target[];
  recorder: Recorder;
  durationMs: number;
  /** Mean time between one learner's grades. */
  intervalMs: number;
  mix: GradeMix;
  /** How long after the end a grade still waiting for an answer keeps being retried. */
  graceMs: number;
  timeoutMs: number;
  /** Picks the instance each grade goes to first and each retry (balancer.ts). */
  balancer?: Balancer;
}

/** Runs the learners for `durationMs`; resolves when every grade sent is answered or given up. */
export async function studyRun(run: StudyRun): Promise<{ startedAt: number; endedAt: number }> {
  const startedAt = Date.now();
  const endAt = startedAt + run.durationMs;
  const options = {
    targets: run.targets,
    recorder: run.recorder,
    giveUpAt: endAt + run.graceMs,
    timeoutMs: run.timeoutMs,
    firstChoice: run.balancer?.firstChoice,
    balancer: run.balancer,
  };
  await Promise.all(
    run.learners.map(async (learner) => {
      // Spread the first grades over one interval so the learners do not move in step.
      let next = startedAt + Math.random() * run.intervalMs;
      for (;;) {
        await sleep(Math.max(0, next - Date.now()));
        if (Date.now() >= endAt) return;
        await gradeNext(learner, run.mix, options);
        // Between 0.5 and 1.5 intervals; no catching up after a slow answer (a person waits too).
        next = Math.max(next + run.intervalMs * (0.5 + Math.random()), Date.now());
      }
    }),
  );
  return { startedAt, endedAt: Date.now() };
}

export interface SaturationRun {
  learners: Learner[];
  targets: Target[];
  /** Indexes into targets: the instances this run loads. */
  instances: number[];
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  timeoutMs: number;
  /** Called when the measured window opens and when it closes (CPU and query counters). */
  onWindow(edge: "start" | "end"): Promise<void>;
}

export interface SaturationResult {
  concurrency: number;
  instances: number;
  gradesPerSecond: number;
  gradesInWindow: number;
  windowSeconds: number;
  recorder: Recorder;
}

/** `concurrency` clients, each one learner, grading back to back through the given instances. */
export async function saturationRun(run: SaturationRun, recorder: Recorder): Promise<SaturationResult> {
  if (run.concurrency > run.learners.length)
    throw new RangeError(`concurrency ${run.concurrency} needs as many learners (${run.learners.length})`);
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const options = {
    targets: run.targets,
    recorder,
    instances: run.instances,
    giveUpAt: Date.now() + run.warmupMs + run.measureMs + 10_000,
    timeoutMs: run.timeoutMs,
  };
  const edges = (async () => {
    await sleep(run.warmupMs);
    await run.onWindow("start");
    windowStart = Date.now();
    await sleep(run.measureMs);
    await run.onWindow("end");
    windowEnd = Date.now();
  })();
  await Promise.all([
    edges,
    ...run.learners.slice(0, run.concurrency).map(async (learner, i) => {
      // Spread the clients over the instances whatever their home in the study run was.
      const client = { ...learner, home: run.instances[i % run.instances.length]! };
      while (windowEnd === Infinity) await gradeNext(client, { retryRate: 0, doubleRate: 0 }, options);
      learner.nextCard = client.nextCard;
    }),
  ]);
  const inWindow = recorder.grades.filter(
    (grade) =>
      grade.confirmedAt !== null && grade.confirmedAt >= windowStart && grade.confirmedAt < windowEnd,
  ).length;
  return {
    concurrency: run.concurrency,
    instances: run.instances.length,
    gradesPerSecond: inWindow / ((windowEnd - windowStart) / 1000),
    gradesInWindow: inWindow,
    windowSeconds: (windowEnd - windowStart) / 1000,
    recorder,
  };
}

/**
 * Every learner grades once through each instance, `concurrency` at a time: afterwards each
 * instance has checked each learner's session once (a session read and a cookie renewal), as after a
 * minute of studying, and the cost of those first visits is printed on its own. The study run's
 * first seconds were still slow after it (p99 0.3-1 s): first visits are not all of the cold start.
 */
export async function firstVisits(
  run: { learners: Learner[]; targets: Target[]; concurrency: number; timeoutMs: number },
  recorder: Recorder,
): Promise<void> {
  const visits = run.learners.flatMap((learner) => run.targets.map((_, instance) => ({ learner, instance })));
  const options = {
    targets: run.targets,
    recorder,
    giveUpAt: Date.now() + 60_000,
    timeoutMs: run.timeoutMs,
  };
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      for (let visit = visits.shift(); visit; visit = visits.shift()) {
        const { learner, instance } = visit;
        await gradeNext(
          learner,
          { retryRate: 0, doubleRate: 0 },
          { ...options, firstChoice: () => instance },
        );
      }
    }),
  );
}
