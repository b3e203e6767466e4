/**
 * One phase of the load bench on one database: learners study through every instance while the last
 * instance is killed (SIGKILL) and started again, then saturation runs on one instance and on all of
 * them, then the database is checked against every answer the clients got.
 */
import { createBalancer } from "./balancer";
import { checkDatabase, type CheckResult } from "./checks";
import { createCpuTracker, pollEvery, processGroup } from "./cpu";
import { createRecorder, type Learner, type Recorder, type Target } from "./grader";
import { percentile } from "./notes";
import { createMeter, type Costs, type Meter } from "./meter";
import { firstVisits, requestTimeoutMs, saturationRun, studyRun } from "./runs";
import { saturateAll, type SaturationFigures } from "./saturate";
import { createLearners, setUp, type Provider } from "./setup";

export interface PhaseOptions {
  provider: Provider;
  instances: number;
  learners: number;
  cardsPerLearner: number;
  durationMs: number;
  /** Mean time between one learner's grades. */
  intervalMs: number;
  /** When the last instance is killed, from the start of the study run; null: no kill. */
  killAtMs: number | null;
  /** The restarted instance's slow start (balancer.ts); 0: its whole share at once. */
  slowStartMs: number;
  levels: number[];
  /** How long the fresh instances are graded through before the study run. */
  prewarmMs: number;
  warmupMs: number;
  measureMs: number;
  retryRate: number;
  doubleRate: number;
  accounts: boolean;
  adminUrl: string;
  keep: boolean;
  profileDir: string | null;
  log(line: string): void;
}

export interface StudyFigures extends Costs {
  gradesSent: number;
  retried: number;
  doubled: number;
  attempts: number;
  failedAttempts: Record<string, number>;
  p50: number;
  p99: number;
  /** Latency of answered requests outside the kill window (kill -> restarted + 5 s). */
  p50Outside: number;
  p99Outside: number;
  /** First send -> first success answer, retries included. */
  confirmP99: number;
  downtimeMs: number | null;
  inFlightAtKill: number;
  /** Failed requests outside the kill window (none expected). */
  failedOutside: number;
  /** This process: clients and the counting proxy. */
  loadGeneratorCpuPer1000: number;
}

export type { SaturationFigures };

export interface PhaseFigures {
  provider: Provider;
  instances: number;
  study: StudyFigures;
  saturation: SaturationFigures[];
  check: CheckResult;
  /** What the instances logged as errors, summed over them. */
  serverErrors: [string, number][];
}

/**
 * The answered requests' p99 in each 5 s of the run, by when they were sent: shows whether slow
 * answers gather around the kill, at the start, or in bursts (a minute's session copies expiring).
 */
function timeline(recorder: Recorder, startedAt: number, killedAt: number | null): string {
  const buckets = new Map<number, number[]>();
  for (const attempt of recorder.attempts) {
    if (!attempt.ok) continue;
    const bucket = Math.floor((attempt.at - startedAt) / 5_000);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), attempt.ms]);
  }
  const killBucket = killedAt === null ? null : Math.floor((killedAt - startedAt) / 5_000);
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([bucket, ms]) => `${bucket * 5}s${bucket === killBucket ? "K" : ""} ${percentile(ms, 99).toFixed(0)}`,
    )
    .join(", ");
}

const okLatencies = (recorder: Recorder, keep: (at: number) => boolean = () => true) =>
  recorder.attempts.filter((attempt) => attempt.ok && keep(attempt.at)).map((attempt) => attempt.ms);

/**
 * Statements per grade: eight clients grading back to back through the counting instance alone,
 * whose connections go through the proxy, for a 3 s window after 1 s of warming up.
 */
async function countStatements(
  baseUrl: string,
  learners: Learner[],
  meter: Meter,
  recorder: Recorder,
): Promise<Costs | null> {
  const confirmed = () => recorder.grades.filter((grade) => grade.confirmedAt !== null).length;
  let windowGrades = 0;
  let costs: Costs | null = null;
  await saturationRun(
    {
      learners,
      targets: [{ baseUrl }],
      instances: [0],
      concurrency: Math.min(8, learners.length),
      warmupMs: 1_000,
      measureMs: 3_000,
      timeoutMs: requestTimeoutMs,
      onWindow: async (edge) => {
        if (edge === "start") {
          windowGrades = confirmed();
          await meter.start();
        } else costs = await meter.stop(confirmed() - windowGrades);
      },
    },
    recorder,
  );
  return costs;
}

export async function runPhase(options: PhaseOptions): Promise<PhaseFigures> {
  const { log } = options;
  log(`[${options.provider}] setting up: ${options.instances} instance(s), ${options.learners} learners ...`);
  const surroundings = await setUp({
    provider: options.provider,
    instances: options.instances,
    cards: options.learners * options.cardsPerLearner,
    accounts: options.accounts,
    adminUrl: options.adminUrl,
    profileDir: options.profileDir,
  });
  const { instances } = surroundings;
  const apps = instances.map((instance) => createCpuTracker(() => processGroup(instance.pid())));
  const postgres =
    options.provider === "postgresql" ? createCpuTracker(() => surroundings.backendPids()) : null;
  const polling = pollEvery([...apps, ...(postgres ? [postgres] : [])]);
  const meter = createMeter(surroundings, { apps, postgres });
  let keep = options.keep;
  try {
    const learners = await createLearners(
      surroundings,
      options.learners,
      options.cardsPerLearner,
      options.accounts,
    );
    log(
      `[${options.provider}] ${learners.length} learners ${options.accounts ? "signed up" : "(accounts off: the local learner)"}`,
    );
    const targets: Target[] = instances.map((instance) => ({ baseUrl: instance.baseUrl }));

    // Warm up: a fresh server compiles its pages and JIT-compiles the grade route over its first
    // thousands of requests, which is not what a grade costs. These grades are checked with the rest.
    const warmupRecorder = createRecorder();
    await saturationRun(
      {
        learners,
        targets,
        instances: instances.map((_, i) => i),
        concurrency: Math.min(8, learners.length),
        warmupMs: 0,
        measureMs: options.prewarmMs,
        timeoutMs: requestTimeoutMs,
        onWindow: async () => undefined,
      },
      warmupRecorder,
    );

    const countingRecorder = createRecorder();
    const counted = surroundings.countingInstance
      ? await countStatements(surroundings.countingInstance.baseUrl, learners, meter, countingRecorder)
      : null;
    await surroundings.countingInstance?.stop();

    const visitsRecorder = createRecorder();
    await firstVisits(
      { learners, targets, concurrency: Math.min(8, learners.length), timeoutMs: requestTimeoutMs },
      visitsRecorder,
    );
    const visitLatencies = okLatencies(visitsRecorder);
    log(
      `[${options.provider}] first visits (each learner once through each instance, 8 at a time): ` +
        `p50 ${percentile(visitLatencies, 50).toFixed(1)} ms, p99 ${percentile(visitLatencies, 99).toFixed(1)} ms`,
    );

    const studyRecorder = createRecorder();
    log(
      `[${options.provider}] studying for ${options.durationMs / 1000} s, a grade every ~${options.intervalMs / 1000} s each ...`,
    );
    await meter.start();
    let killedAt: number | null = null;
    let restartedAt: number | null = null;
    let inFlightAtKill = 0;
    const loadCpuStart = process.cpuUsage();
    const victim = instances[instances.length - 1]!;
    const balancer = createBalancer(instances.length, options.slowStartMs);
    const fault = (async () => {
      if (options.killAtMs === null) return;
      await new Promise((resolve) => setTimeout(resolve, options.killAtMs!));
      // Kill it while it holds requests (the point of the test), waiting a little for one if need be.
      for (let waited = 0; !studyRecorder.inFlight[instances.length - 1] && waited < 2_000; waited++)
        await new Promise((resolve) => setTimeout(resolve, 1));
      killedAt = Date.now();
      inFlightAtKill = studyRecorder.inFlight[instances.length - 1] ?? 0;
      await victim.kill();
      log(
        `[${options.provider}] instance ${victim.name} killed (SIGKILL) with ${inFlightAtKill} grade requests in flight; restarting ...`,
      );
      await victim.start();
      restartedAt = Date.now();
      balancer.rejoined(instances.length - 1);
      log(`[${options.provider}] instance ${victim.name} answering again after ${restartedAt - killedAt} ms`);
    })();
    const [run] = await Promise.all([
      studyRun({
        learners,
        targets,
        recorder: studyRecorder,
        durationMs: options.durationMs,
        intervalMs: options.intervalMs,
        mix: { retryRate: options.retryRate, doubleRate: options.doubleRate },
        graceMs: 30_000,
        timeoutMs: requestTimeoutMs,
        balancer,
      }),
      fault,
    ]);
    const confirmedInRun = studyRecorder.grades.filter((grade) => grade.confirmedAt !== null).length;
    const studyCosts = await meter.stop(confirmedInRun);
    const outside = (at: number) =>
      killedAt === null || at < killedAt || at > (restartedAt ?? Infinity) + 5_000;
    const failedAttempts: Record<string, number> = Object.fromEntries(studyRecorder.failures);
    const loadCpu = process.cpuUsage(loadCpuStart);
    const confirmTimes = studyRecorder.grades
      .filter((grade) => grade.confirmedAt !== null)
      .map((grade) => grade.confirmedAt! - grade.sentAt);
    const study: StudyFigures = {
      ...studyCosts,
      statementsPerGrade: counted?.statementsPerGrade ?? null,
      statements: counted?.statements ?? [],
      gradesSent: studyRecorder.grades.length,
      retried: studyRecorder.grades.filter((grade) => grade.kind === "retried").length,
      doubled: studyRecorder.grades.filter((grade) => grade.kind === "doubled").length,
      attempts: studyRecorder.attempts.length,
      failedAttempts,
      p50: percentile(okLatencies(studyRecorder), 50),
      p99: percentile(okLatencies(studyRecorder), 99),
      p50Outside: percentile(okLatencies(studyRecorder, outside), 50),
      p99Outside: percentile(okLatencies(studyRecorder, outside), 99),
      confirmP99: percentile(confirmTimes, 99),
      downtimeMs: killedAt !== null && restartedAt !== null ? restartedAt - killedAt : null,
      inFlightAtKill,
      failedOutside: studyRecorder.attempts.filter((attempt) => !attempt.ok && outside(attempt.at)).length,
      loadGeneratorCpuPer1000: ((loadCpu.user + loadCpu.system) / 1e6) * (1000 / Math.max(1, confirmedInRun)),
    };
    log(
      `[${options.provider}] study: ${confirmedInRun}/${study.gradesSent} grades answered in ${((run.endedAt - run.startedAt) / 1000).toFixed(0)} s, ` +
        `p50 ${study.p50.toFixed(1)} ms, p99 ${study.p99.toFixed(1)} ms`,
    );
    log(
      `[${options.provider}] p99 by 5 s of the study run (K: the kill): ${timeline(studyRecorder, run.startedAt, killedAt)}`,
    );
    if (restartedAt !== null) {
      const afterRestart = (instance: number) =>
        studyRecorder.attempts
          .filter(
            (a) => a.ok && a.instance === instance && a.at > restartedAt! && a.at <= restartedAt! + 10_000,
          )
          .map((a) => a.ms);
      log(
        `[${options.provider}] the 10 s after the restart, by instance: ` +
          instances
            .map((instance, i) => {
              const ms = afterRestart(i);
              return `${instance.name} ${ms.length} answers, p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms`;
            })
            .join("; "),
      );
    }

    const { saturation, recorders } = await saturateAll({
      learners,
      targets,
      instanceCount: instances.length,
      apps,
      meter,
      options,
    });
    await polling.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    const allGrades = [warmupRecorder, countingRecorder, visitsRecorder, studyRecorder, ...recorders].flatMap(
      (recorder) => recorder.grades,
    );
    const check = await checkDatabase(surroundings.databaseUrl, allGrades);
    if (check.lost || check.doubled) keep = true;
    const serverErrors = new Map<string, number>();
    for (const instance of instances)
      for (const [line, count] of instance.errors())
        serverErrors.set(line, (serverErrors.get(line) ?? 0) + count);
    return {
      provider: options.provider,
      instances: instances.length,
      study,
      saturation,
      check,
      serverErrors: [...serverErrors].sort((a, b) => b[1] - a[1]),
    };
  } catch (error) {
    for (const instance of instances)
      log(`--- instance ${instance.name} output ---\n${instance.output().slice(-3000)}`);
    throw error;
  } finally {
    await polling.stop();
    await surroundings.teardown(keep);
    if (keep)
      log(
        `[${options.provider}] kept the database ${surroundings.databaseName ?? surroundings.databaseUrl} for a look`,
      );
  }
}
