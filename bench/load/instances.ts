/**
 * Production instances for the load bench: `next start` from the build in .next, each in its own
 * process group (so a SIGKILL takes the whole server down at once, as a crashed machine would) and
 * restartable on the same port, which test/e2e/support/server.ts's startApp does not offer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const nextCli = path.join(root, "node_modules/next/dist/bin/next");

export class InstanceStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InstanceStartError";
  }
}

export interface Instance {
  name: string;
  baseUrl: string;
  /** Leader of the current server's process group (changes on restart). */
  pid(): number;
  output(): string;
  /** Error lines the server printed, digits and ids folded, with how often each came. */
  errors(): Map<string, number>;
  /** SIGKILL to the whole process group, without waiting for anything. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and waits until it answers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new InstanceStartError(`next start exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      // Ready as a load balancer sees it (GET /api/health): the database open and answering.
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new InstanceStartError(`next start did not answer at ${baseUrl} within 90 s:\n${output()}`);
}

/** An instance on `port` with the given environment; call start() to run it. */
export function createInstance(
  name: string,
  port: number,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Instance {
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = "";
  const output = () => log;
  const errors = new Map<string, number>();
  const countErrors = (text: string) => {
    for (const line of text.split("\n")) {
      if (!/error/i.test(line) || /^\s+at /.test(line)) continue;
      const key = line
        .replace(/[0-9a-f]{8,}|\d+/gi, "#")
        .trim()
        .slice(0, 200);
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  const killOnExit = () => child?.pid !== undefined && signalGroup(child.pid, "SIGKILL");

  return {
    name,
    baseUrl,
    pid: () => child?.pid ?? -1,
    output,
    errors: () => new Map(errors),
    async start() {
      child = spawn(
        process.execPath,
        [...nodeArgs, nextCli, "start", "-p", String(port), "-H", "127.0.0.1"],
        {
          cwd: root,
          env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      const append = (chunk: Buffer) => {
        const text = chunk.toString();
        log = (log + text).slice(-20_000);
        countErrors(text);
      };
      child.stdout?.on("data", append);
      child.stderr?.on("data", append);
      process.once("exit", killOnExit);
      await waitUntilServing(baseUrl, child, output);
    },
    async kill() {
      if (!child?.pid) return;
      signalGroup(child.pid, "SIGKILL");
      await exited(child);
      process.off("exit", killOnExit);
    },
    async stop() {
      if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
      const current = child;
      const pid = child.pid;
      const forceKill = setTimeout(() => signalGroup(pid, "SIGKILL"), 5_000);
      signalGroup(pid, "SIGTERM");
      await exited(current);
      clearTimeout(forceKill);
      process.off("exit", killOnExit);
    },
  };
}
