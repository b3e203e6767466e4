/**
 * `npm test`: the unit tests (vitest.config.ts), then the browser tests against the production build
 * (test/e2e/run.ts), and one closing line summing both: `N passed, N failed, N skipped`. Exits non-zero
 * when anything failed or when no test ran at all. Both suites always run, so one report shows every
 * failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(os.tmpdir(), "notecards-test-report-"));

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** What failed, by file and test name, repeated just above the closing line. */
const failures: string[] = [];

/** The parts of Vitest's JSON report we read. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string }[];
  }[];
}

function run(label: string, script: string[], reportFile: string): Counts {
  const started = Date.now();
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(
    process.execPath,
    [...script, "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`],
    { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  console.log(
    `=== ${label}: exit ${result.status ?? result.signal}, ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );

  if (!existsSync(reportFile)) {
    console.error(`${label}: no test report (the run stopped before its tests); counted as 1 failure.`);
    failures.push(`${label}: stopped before its tests (see above)`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestReport;
  // A file that fails to load (a syntax error, a throwing import) has no failed test, only a failed file.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  for (const file of report.testResults) {
    const relative = path.relative(root, file.name);
    if (brokenFiles.includes(file)) failures.push(`${relative}: failed to run`);
    for (const test of file.assertionResults) {
      if (test.status === "failed") failures.push(`${relative} > ${test.fullName}`);
    }
  }
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  // Errors outside any test (unhandled rejections, a failed build) make Vitest exit non-zero too.
  if (result.status !== 0 && counts.failed === 0) {
    console.error(
      `${label}: exited ${result.status ?? result.signal} without a failed test; counted as 1 failure.`,
    );
    counts.failed = 1;
    failures.push(`${label}: exited ${result.status ?? result.signal} outside any test (see above)`);
  }
  return counts;
}

const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
const unit = run("unit tests", [vitest, "run"], path.join(reports, "unit.json"));
const e2e = run("browser tests", [tsx, "test/e2e/run.ts"], path.join(reports, "e2e.json"));
rmSync(reports, { recursive: true, force: true });

const total = {
  passed: unit.passed + e2e.passed,
  failed: unit.failed + e2e.failed,
  skipped: unit.skipped + e2e.skipped,
};
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`browser: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `  ${line}`).join("\n")}`);
if (total.passed + total.failed === 0) console.error("No test ran.");
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed + total.failed === 0 ? 1 : 0);
