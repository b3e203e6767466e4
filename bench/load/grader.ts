/**
 * One learner's grades sent the way the study page's outbox sends them (app/lib/study/outbox.ts):
 * a client-made grade id, the CardState version the grade was made against, and on a network error
 * or a failed answer the same grade again after the outbox's own backoff, until the server answers.
 * A retry goes to the next instance, as a load balancer moves a request off a dead backend.
 * Everything sent and answered is recorded for the latency figures and the database checks.
 */
import { randomUUID } from "node:crypto";
import { backoffMs } from "@/app/lib/study/outbox";
import type { Balancer } from "./balancer";
import { cookieHeader, jsonBody, postGrade } from "./http-client";

export interface Target {
  baseUrl: string;
}

export interface Learner {
  index: number;
  /** The user id grades should be stored under ("local" with accounts off). */
  userId: string;
  cookie?: string;
  cards: string[];
  versions: Map<string, number>;
  nextCard: number;
  /** The instance this learner's requests go to first. */
  home: number;
}

export interface Attempt {
  at: number;
  ms: number;
  instance: number;
  /** HTTP status, or 0 for a network error / timeout. */
  status: number;
  ok: boolean;
}

export interface GradeRecord {
  gradeId: string;
  userId: string;
  cardId: string;
  kind: "single" | "retried" | "doubled";
  sentAt: number;
  /** When the first success answer came (null: never). */
  confirmedAt: number | null;
  /** "saved" answers that said it was new (duplicate: false); more than one means stored twice. */
  freshSaves: number;
  duplicateSaves: number;
  conflicts: number;
  otherAnswers: number;
}

export interface Recorder {
  attempts: Attempt[];
  grades: GradeRecord[];
  failures: Map<string, number>;
  /** Requests sent and not yet answered, per instance (to show a kill caught some in flight). */
  inFlight: number[];
}

export function createRecorder(): Recorder {
  return { attempts: [], grades: [], failures: new Map(), inFlight: [] };
}

type Answer = { status: string; duplicate?: boolean; version?: number };

function isAnswer(value: unknown): value is Answer {
  return typeof value === "object" && value !== null && typeof (value as Answer).status === "string";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SendOptions {
  targets: Target[];
  recorder: Recorder;
  /** Stop retrying after this time (ms since epoch); the grade then stays unconfirmed. */
  giveUpAt: number;
  timeoutMs: number;
  /** Which instances are in play (saturation on one instance uses only the first). */
  instances?: number[];
  /** Picks the instance a grade goes to first (balancer.ts); default the learner's home. */
  firstChoice?: (home: number) => number;
  /** Where a retry goes, and who hears of a refused connection (balancer.ts). */
  balancer?: Pick<Balancer, "nextChoice" | "refused">;
}

class BusyAnswer extends Error {
  constructor() {
    super("busy");
    this.name = "BusyAnswer";
  }
}

/** Sends one grade until an answer comes; returns the answer (or null after giving up). */
async function sendUntilAnswered(
  learner: Learner,
  record: GradeRecord,
  payload: object,
  firstInstance: number,
  options: SendOptions,
): Promise<Answer | null> {
  const instances = options.instances ?? options.targets.map((_, i) => i);
  for (let failures = 0; ; failures++) {
    const instance =
      options.balancer?.nextChoice(firstInstance, failures) ??
      instances[(instances.indexOf(firstInstance) + failures) % instances.length]!;
    const target = options.targets[instance]!;
    const started = performance.now();
    let status = 0;
    const { inFlight } = options.recorder;
    inFlight[instance] = (inFlight[instance] ?? 0) + 1;
    try {
      const answer = await postGrade({
        baseUrl: target.baseUrl,
        grade: payload,
        cookie: learner.cookie,
        timeoutMs: options.timeoutMs,
      });
      status = answer.status;
      if (answer.setCookies.length) learner.cookie = cookieHeader(answer.setCookies, learner.cookie);
      // Every answer of the route is JSON: the result for 200, 404, 422 and 503 (busy), else an error.
      const result = jsonBody(answer);
      // "busy": the database could not take it in time; retried with backoff, as the outbox does.
      if (isAnswer(result) && result.status === "busy") throw new BusyAnswer();
      if (isAnswer(result)) {
        options.recorder.attempts.push({
          at: Date.now(),
          ms: performance.now() - started,
          instance,
          status,
          ok: true,
        });
        if (result.status === "saved") {
          if (result.duplicate) record.duplicateSaves++;
          else record.freshSaves++;
          record.confirmedAt ??= Date.now();
        } else if (result.status === "conflict") record.conflicts++;
        else record.otherAnswers++;
        return result;
      }
      throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 120)}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") options.balancer?.refused(instance);
      const reason =
        error instanceof BusyAnswer
          ? "busy"
          : status
            ? `HTTP ${status}`
            : ((error as Error).message.split(":")[0] ?? "error");
      options.recorder.failures.set(reason, (options.recorder.failures.get(reason) ?? 0) + 1);
      options.recorder.attempts.push({
        at: Date.now(),
        ms: performance.now() - started,
        instance,
        status,
        ok: false,
      });
    } finally {
      inFlight[instance]!--;
    }
    if (Date.now() >= options.giveUpAt) return null;
    await sleep(Math.min(backoffMs(failures + 1), Math.max(0, options.giveUpAt - Date.now())));
  }
}

export interface GradeMix {
  /** Share of grades sent again after their answer (the answer "lost"). */
  retryRate: number;
  /** Share of grades sent twice at once, the second copy to another instance. */
  doubleRate: number;
}

/** Grades the learner's next card and waits until that grade is answered (and any copies). */
export async function gradeNext(learner: Learner, mix: GradeMix, options: SendOptions): Promise<void> {
  const cardId = learner.cards[learner.nextCard++ % learner.cards.length]!;
  const roll = Math.random();
  const kind: GradeRecord["kind"] =
    roll < mix.doubleRate ? "doubled" : roll < mix.doubleRate + mix.retryRate ? "retried" : "single";
  const record: GradeRecord = {
    gradeId: randomUUID(),
    userId: learner.userId,
    cardId,
    kind,
    sentAt: Date.now(),
    confirmedAt: null,
    freshSaves: 0,
    duplicateSaves: 0,
    conflicts: 0,
    otherAnswers: 0,
  };
  options.recorder.grades.push(record);
  const payload = {
    gradeId: record.gradeId,
    cardId,
    // Mostly Good, as people answer; every grade moves the card's version on by one.
    rating: ([3, 3, 3, 1, 2, 4] as const)[Math.floor(Math.random() * 6)]!,
    expectedVersion: learner.versions.get(cardId) ?? 0,
    durationMs: 800 + Math.floor(Math.random() * 4000),
  };
  const instances = options.instances ?? options.targets.map((_, i) => i);
  const first = options.firstChoice?.(learner.home) ?? learner.home;
  const other = instances[(instances.indexOf(first) + 1) % instances.length]!;
  const sends = [sendUntilAnswered(learner, record, payload, first, options)];
  if (kind === "doubled") {
    await sleep(Math.random() * 5);
    sends.push(sendUntilAnswered(learner, record, payload, other, options));
  }
  const answers = await Promise.all(sends);
  if (kind === "retried" && answers[0])
    answers.push(await sendUntilAnswered(learner, record, payload, other, options));
  for (const answer of answers) {
    if (answer?.version !== undefined)
      learner.versions.set(cardId, Math.max(answer.version, learner.versions.get(cardId) ?? 0));
  }
}
