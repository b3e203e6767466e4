import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Builds the app for production when .next holds no build yet (as bench:study does). */
export function ensureProductionBuild(): void {
  if (existsSync(path.join(root, ".next/BUILD_ID"))) return;
  console.log("No production build: running next build ...");
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}
