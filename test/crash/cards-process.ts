/**
 * Runs the `cards` command as its own process, the way `npm run cards` does but without npm and
 * tsx's wrapper process in between, so that SIGKILL reaches the process doing the import.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface CardsRun {
  /** True when the process died of the SIGKILL. */
  killed: boolean;
  exitCode: number | null;
  ms: number;
  /** When `from` first held, counted from the start; null when it never did. */
  fromMs: number | null;
  output: string;
}

export interface KillPlan {
  /** Polled every few milliseconds from the start; the kill timer starts when it first holds. */
  from?: () => boolean;
  /** SIGKILL this long after `from` held (or after the start); never when undefined. */
  killAfterMs?: number;
}

const pollMs = 5;

/** `cards <args>` with `env` added to this process's environment, killed as `plan` says. */
export function runCards(
  args: string[],
  env: Record<string, string>,
  plan: KillPlan = {},
): Promise<CardsRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "app/lib/cli/cards.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so the kill also takes any helper process it started.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

  let fromMs: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    fromMs = performance.now() - started;
    if (plan.killAfterMs === undefined) return;
    timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // it has just exited
      }
    }, plan.killAfterMs);
  };
  const { from } = plan;
  const poll = from
    ? setInterval(() => {
        if (!from()) return;
        clearInterval(poll);
        arm();
      }, pollMs)
    : undefined;
  if (!from) arm();

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", exitCode, ms: performance.now() - started, fromMs, output });
    });
  });
}
