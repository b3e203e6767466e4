/**
 * `npm run test:e2e`: makes sure a Chromium is there (installing Debian's where it can), builds the
 * app for production once, then runs the browser tests (vitest.e2e.config.ts). Extra arguments go to
 * Vitest, e.g. `npm run test:e2e -- test/e2e/smoke.e2e.ts`. `--no-build` reuses an existing .next
 * outside CI, for quick local iteration.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { findChromium } from "./support/browser";
import { acquireRunLock } from "./support/lock";

const root = path.resolve(import.meta.dirname, "../..");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function step(label: string, args: string[]): number {
  const started = Date.now();
  console.log(`\n> ${label}`);
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: process.env,
    stdio: "inherit",
  });
  console.log(`< ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.error) throw result.error;
  return result.status ?? 1;
}

let chromium: string;
try {
  chromium = findChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;
console.log(`Chromium: ${chromium}`);

await acquireRunLock(path.join(root, ".tmp/e2e-run.lock"));

const args = process.argv.slice(2);
const noBuild = args.includes("--no-build") && !process.env.CI;
const vitestArgs = args.filter((arg) => arg !== "--no-build");

if (noBuild && existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.log("Reusing the existing build in .next (--no-build).");
} else {
  const status = step("next build", [path.join(root, "node_modules/next/dist/bin/next"), "build"]);
  if (status !== 0) process.exit(status);
}

process.exit(
  step("vitest (e2e)", [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--config",
    "vitest.e2e.config.ts",
    ...vitestArgs,
  ]),
);
