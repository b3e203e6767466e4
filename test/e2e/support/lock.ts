/**
 * One browser-test run per work tree at a time: each run rebuilds .next, and a second build would
 * pull the files out from under the first run's server. The lock is a file holding the owner's pid;
 * a lock whose owner is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryTake(file: string): number | null {
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const owner = Number(readFileSync(file, "utf8").trim());
  if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) return owner;
  rmSync(file, { force: true });
  return tryTake(file);
}

/** Waits (up to `timeoutMs`) until this process holds the lock at `file`; returns its release. */
export async function acquireRunLock(file: string, timeoutMs = 30 * 60_000): Promise<() => void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    const owner = tryTake(file);
    if (owner === null) break;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${file} (held by pid ${owner}).`);
    if (!announced) console.log(`Waiting for the browser-test run of pid ${owner} to finish ...`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}
