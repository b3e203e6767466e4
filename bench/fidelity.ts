/**
 * `npm run bench:fidelity [-- -v]`: how well the parser reads real notes written by other people.
 * Runs the shared scorer (`../shared/tools/score-cards`, or `SCORE_CARDS=<path>`) over its corpus of
 * labelled notes and prints its per-file lines and its last line, `F1 ... precision ... recall ...`.
 * Where the scorer is not there (a fresh clone outside the workplace), it says so and exits 0.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "..");
const scorer = process.env.SCORE_CARDS ?? path.resolve(repo, "../shared/tools/score-cards");

if (!existsSync(scorer)) {
  console.log(
    `No scorer at ${scorer}: the labelled notes corpus is not on this machine, nothing to measure.`,
  );
  process.exit(0);
}

const verbose = process.argv.includes("-v");
const run = spawnSync(scorer, [repo, ...(verbose ? ["-v"] : [])], { encoding: "utf8", timeout: 300_000 });
if (run.status !== 0) {
  console.error(run.stderr || run.stdout);
  process.exit(run.status ?? 1);
}
const lines = run.stdout.trimEnd().split("\n");
console.log(lines.join("\n"));
const summary = lines.at(-1) ?? "";
if (!summary.startsWith("F1 ")) {
  console.error("The scorer printed no F1 line.");
  process.exit(1);
}
