/**
 * The production build, served for end-to-end tests: each `startApp()` gets its own database (a fresh
 * SQLite file unless one is given) and media folder, imports the notes through the `cards` CLI exactly
 * as a person would, and runs `next start` from the build in .next (made once per run by
 * test/e2e/run.ts). Nothing is written to the project's own data/.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase, type OpenDatabase } from "@/app/lib/database/client";

const root = path.resolve(import.meta.dirname, "../../..");
const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
const nextCli = path.join(root, "node_modules/next/dist/bin/next");
const run = promisify(execFile);

export interface StartAppOptions {
  /** Database to serve; default a fresh SQLite file in a temporary folder. */
  databaseUrl?: string;
  /** Notes folder to import before starting; default content/. `false` imports nothing. */
  contentDir?: string | false;
  /**
   * Sign-in with accounts; default off, so tests written for the single-user app run as the local
   * learner on PostgreSQL too (where the app's own default is on). On gives a test secret.
   */
  accounts?: boolean;
  /** More variables for the server (e.g. AUTH_RATE_LIMIT); they override the ones above. */
  env?: Record<string, string | undefined>;
}

/** BETTER_AUTH_SECRET of servers started with `accounts: true`: for tests only. */
export const testAuthSecret = "e2e-only-secret-do-not-use-anywhere-else-0123456789";

export interface RunningApp {
  baseUrl: string;
  /** The `next start` process, leader of the server's process group (for memory figures). */
  pid: number;
  databaseUrl: string;
  contentDir: string;
  /** MEDIA_DIR of the server: a temporary folder of its own. */
  mediaDir: string;
  /** What the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export class AppStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AppStartError";
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppPaths {
  databaseUrl: string;
  contentDir: string;
  mediaDir: string;
  /** Variables for the server and the `cards` command besides the paths (accounts, secret...). */
  env?: Record<string, string | undefined>;
}

function childEnv({ databaseUrl, contentDir, mediaDir, env }: AppPaths): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ACCOUNTS: "off",
    DATABASE_URL: databaseUrl,
    CONTENT_DIR: contentDir,
    MEDIA_DIR: mediaDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...env,
  };
}

function accountsEnv(options: StartAppOptions): Record<string, string | undefined> {
  const accounts = options.accounts
    ? { ACCOUNTS: "on", BETTER_AUTH_SECRET: testAuthSecret }
    : { ACCOUNTS: "off" };
  return { ...accounts, ...options.env };
}

/** Runs `cards import <dir>` against the app's database, as `npm run cards -- import <dir>` would. */
export async function importNotes(paths: AppPaths): Promise<string> {
  const { contentDir } = paths;
  try {
    const { stdout } = await run(process.execPath, [tsxCli, "app/lib/cli/cards.ts", "import", contentDir], {
      cwd: root,
      env: childEnv(paths),
      timeout: 120_000,
    });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new AppStartError(`cards import ${contentDir} failed:\n${stdout}${stderr}`);
  }
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new AppStartError(`next start exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      await fetch(baseUrl, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new AppStartError(`next start did not answer at ${baseUrl} within 60 s:\n${output()}`);
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => signalGroup(pid, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(forceKill);
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Imports the notes into a database and serves the production build on a free port. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new AppStartError("No production build in .next: run `npm run test:e2e`, which builds first.");
  }
  const tempDir = mkdtempSync(path.join(os.tmpdir(), "notecards-e2e-"));
  const paths: AppPaths = {
    databaseUrl: options.databaseUrl ?? `file:${path.join(tempDir, "notecards.db")}`,
    contentDir: path.resolve(root, options.contentDir || "content"),
    mediaDir: path.join(tempDir, "media"),
    env: accountsEnv(options),
  };
  const removeTemp = () => rmSync(tempDir, { recursive: true, force: true });

  try {
    if (options.contentDir !== false) await importNotes(paths);
  } catch (error) {
    removeTemp();
    throw error;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Its own process group, so stop() also ends whatever `next start` spawns.
  const child = spawn(process.execPath, [nextCli, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: childEnv(paths),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const output = () => log;
  // Detached servers outlive a test process that dies before its afterAll: end them with it.
  const killOnExit = () => child.pid !== undefined && signalGroup(child.pid, "SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    await stopProcessGroup(child);
    removeTemp();
  };

  try {
    await waitUntilServing(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  const { databaseUrl, contentDir, mediaDir } = paths;
  return { baseUrl, pid: child.pid!, databaseUrl, contentDir, mediaDir, output, stop };
}

/** A Prisma client on the running app's database, to arrange or check data behind the UI. */
export function openDatabaseFor(app: Pick<RunningApp, "databaseUrl">): Promise<OpenDatabase> {
  return openDatabase(app.databaseUrl);
}
