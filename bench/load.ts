/**
 * `npm run bench:load [-- --learners 200 --duration 60 ...]`: the load and fault test, on loopback.
 *
 * PostgreSQL phase: two production instances (`next start`) on one fresh database, the learners
 * signed up through better-auth (accounts on) and grading through both instances with the study
 * page's own request (POST /api/grades), each about once a second; some grades sent again after
 * their answer, some sent twice at once to both instances (as the outbox does after a timeout).
 * Partway through, the second instance is killed with SIGKILL and started again; requests to it fail
 * over to the other, which takes them all once it has refused a connection (nothing is sent to a
 * process that is still starting), and once it answers its health check it takes its learners back
 * over a slow start (`--slow-start`, 10 s), as a load balancer brings a cold backend back
 * (bench/load/balancer.ts).
 * Then a saturation run on one instance and on both. SQLite phase: the same on one instance.
 *
 * Prints request latency (p50/p99), the most grades a second, the CPU seconds per 1,000 grades in
 * each app process and in PostgreSQL's backends (/proc/<pid>/stat), and the statements per grade
 * (a counting proxy between PostgreSQL and one more instance, graded through alone before the study
 * run, so the measured instances do not pay for the proxy), then checks the database against every answer: each
 * grade answered "saved" stored exactly once, none applied twice. Exits 1 if a check fails.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runPhase, type PhaseFigures } from "./load/phase";
import type { Provider } from "./load/setup";

const root = path.resolve(import.meta.dirname, "..");

const argsSchema = z.object({
  learners: z.coerce.number().int().min(1).max(2_000).default(200),
  duration: z.coerce.number().min(5).max(600).default(60),
  "sqlite-duration": z.coerce.number().min(5).max(600).default(30),
  /** Mean seconds between one learner's grades. */
  interval: z.coerce.number().min(0.05).max(60).default(1),
  "kill-at": z.coerce.number().min(0).max(1).default(0.4),
  /** Seconds over which the restarted instance's share of its learners rises to all (balancer.ts). */
  "slow-start": z.coerce.number().min(0).max(120).default(10),
  "cards-per-learner": z.coerce.number().int().min(1).max(1_000).default(10),
  levels: z
    .string()
    .default("8,32")
    .transform((list) => list.split(",").map(Number))
    .pipe(z.array(z.number().int().min(1).max(2_000)).min(1)),
  /**
   * Seconds the fresh instances are graded through (8 clients) before the study run: a server that
   * has served 3 s is still compiling its hot paths (study app CPU per 1,000 grades 5.5 s after 3 s,
   * 4.8 s after 15 s), and a hosted instance has long been warm when its learners study.
   */
  prewarm: z.coerce.number().min(0).max(120).default(15),
  warmup: z.coerce.number().min(0).max(60).default(2),
  measure: z.coerce.number().min(1).max(120).default(8),
  "retry-rate": z.coerce.number().min(0).max(0.5).default(0.03),
  "double-rate": z.coerce.number().min(0).max(0.5).default(0.03),
  phases: z
    .string()
    .default("postgresql,sqlite")
    .transform((list) => list.split(","))
    .pipe(z.array(z.enum(["postgresql", "sqlite"])).min(1)),
  accounts: z.enum(["auto", "on", "off"]).default("auto"),
  "postgres-url": z
    .string()
    .default(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  keep: z.boolean().default(false),
  profile: z.string().optional(),
});
const { values } = parseArgs({
  options: {
    ...Object.fromEntries(Object.keys(argsSchema.shape).map((key) => [key, { type: "string" as const }])),
    keep: { type: "boolean" },
  },
});
const args = argsSchema.parse(values);

console.log("Checking the production build ...");
execFileSync("npm", ["run", "--silent", "build:if-stale"], { cwd: root, stdio: "inherit" });

// The accounts build has better-auth's route; before it lands, every grade is the local learner's.
const accounts =
  args.accounts === "auto"
    ? existsSync(path.join(root, ".next/server/app/api/auth"))
    : args.accounts === "on";
const log = (line: string) => console.log(line);
log(
  `Accounts ${accounts ? "on: each learner signs up" : "off: all grades are the local learner's, on disjoint cards"}; ` +
    "statements counted by a TCP proxy in front of PostgreSQL (pg_stat_statements is not in shared_preload_libraries), " +
    "for a separate counting instance only: the measured instances connect directly.",
);

const results: PhaseFigures[] = [];
const startedAt = Date.now();
for (const provider of args.phases as Provider[]) {
  const durationMs = 1000 * (provider === "postgresql" ? args.duration : args["sqlite-duration"]);
  results.push(
    await runPhase({
      provider,
      instances: provider === "postgresql" ? 2 : 1,
      learners: args.learners,
      cardsPerLearner: args["cards-per-learner"],
      durationMs,
      intervalMs: args.interval * 1000,
      killAtMs: args["kill-at"] > 0 ? args["kill-at"] * durationMs : null,
      slowStartMs: args["slow-start"] * 1000,
      levels: args.levels,
      prewarmMs: args.prewarm * 1000,
      warmupMs: args.warmup * 1000,
      measureMs: args.measure * 1000,
      retryRate: args["retry-rate"],
      doubleRate: args["double-rate"],
      accounts,
      adminUrl: args["postgres-url"],
      keep: args.keep,
      profileDir: args.profile ? path.resolve(args.profile) : null,
      log,
    }),
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const cpu = (value: number | null) =>
  value === null || Number.isNaN(value) ? "n/a" : `${value.toFixed(2)} s`;
const rows: [string, ...string[]][] = [["", ...results.map((r) => `${r.provider} (${r.instances} inst.)`)]];
const row = (label: string, cell: (r: PhaseFigures) => string) => rows.push([label, ...results.map(cell)]);
row(`learners x 1 grade / ~${args.interval} s`, () => String(args.learners));
row(
  "grades sent (retried / doubled)",
  (r) => `${r.study.gradesSent} (${r.study.retried} / ${r.study.doubled})`,
);
row("instance killed, back after", (r) =>
  r.study.downtimeMs === null
    ? "no kill"
    : `${(r.study.downtimeMs / 1000).toFixed(1)} s, then ${args["slow-start"]} s of slow start`,
);
row(
  "failed requests (retried)",
  (r) =>
    Object.entries(r.study.failedAttempts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ") || "0",
);
row("  of them outside the kill window", (r) => String(r.study.failedOutside));
row("request p50 / p99", (r) => `${ms(r.study.p50)} / ${ms(r.study.p99)}`);
row("  outside the kill window", (r) => `${ms(r.study.p50Outside)} / ${ms(r.study.p99Outside)}`);
row("grade saved p99 (incl. retries)", (r) => ms(r.study.confirmP99));
row("study CPU/1000 grades app (incl. restart)", (r) => r.study.appCpuPer1000.map(cpu).join(" + "));
row("study CPU/1000 grades PostgreSQL", (r) => cpu(r.study.postgresCpuPer1000));
row("study CPU/1000 grades load generator", (r) => cpu(r.study.loadGeneratorCpuPer1000));
row("statements per grade", (r) => r.study.statementsPerGrade?.toFixed(1) ?? "n/a (SQLite)");
const bestBy = (r: PhaseFigures, count: number) =>
  r.saturation.filter((s) => s.instances === count).sort((a, b) => b.gradesPerSecond - a.gradesPerSecond)[0];
for (const count of [1, 2]) {
  row(`saturation, ${count} instance(s)`, (r) => {
    const best = bestBy(r, count);
    return best
      ? `${best.gradesPerSecond.toFixed(0)} grades/s @${best.concurrency} (p99 ${ms(best.p99)})`
      : "-";
  });
  row("  CPU/1000 grades app | PostgreSQL", (r) => {
    const best = bestBy(r, count);
    return best ? `${best.appCpuPer1000.map(cpu).join(" + ")} | ${cpu(best.postgresCpuPer1000)}` : "-";
  });
}
row("confirmed grades checked", (r) => String(r.check.confirmed));
row("lost / doubled", (r) => `${r.check.lost} / ${r.check.doubled}`);
row("unanswered: stored / not", (r) => `${r.check.unconfirmedStored} / ${r.check.unconfirmedMissing}`);
row("answers 'already saved' (resends)", (r) => String(r.check.duplicateAnswers));
row("conflict answers", (r) => String(r.check.conflicts));
row("stored under another learner", (r) => (accounts ? String(r.check.wrongLearner) : "n/a (accounts off)"));

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
console.log(`\nbench:load summary (${((Date.now() - startedAt) / 1000).toFixed(0)} s):`);
for (const cells of rows) console.log(cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
for (const r of results) for (const problem of r.check.problems) console.log(`  ${r.provider}: ${problem}`);

for (const r of results) {
  if (!r.study.statements.length) continue;
  console.log(
    `\nStatements per grade on ${r.provider}, the counting instance (SQL as parsed or sent; a named statement is parsed once per connection):`,
  );
  for (const [text, perGrade] of r.study.statements.slice(0, 20))
    console.log(`  ${perGrade.toFixed(2).padStart(5)}  ${text}`);
}

for (const r of results) {
  if (!r.serverErrors.length) continue;
  console.log(`\nError lines the ${r.provider} instances printed (digits folded to #):`);
  for (const [line, count] of r.serverErrors.slice(0, 10))
    console.log(`  ${String(count).padStart(6)}  ${line}`);
}

const failed = results.filter(
  (r) => r.check.lost > 0 || r.check.doubled > 0 || (accounts && r.check.wrongLearner > 0),
);
if (failed.length) {
  console.log(
    `FAILED: grades lost, doubled or stored for another learner on ${failed.map((r) => r.provider).join(", ")}`,
  );
  process.exit(1);
}
console.log("OK: every grade answered saved is stored exactly once, none twice, each under its own learner.");
