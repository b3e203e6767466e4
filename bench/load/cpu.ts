/**
 * CPU time of sets of processes, from /proc/<pid>/stat (utime + stime, in clock ticks; Linux only,
 * where the benchmarks run). Processes come and go during a run (an instance is killed and started
 * again; PostgreSQL backends end with their connections), so each tracker polls and keeps the last
 * figure seen for every pid: a window's CPU is the sum over pids of last seen minus the figure at the
 * window's start (zero for a pid born inside it). A process's CPU after its last poll is lost, so
 * polls are frequent.
 */
import { readdirSync, readFileSync } from "node:fs";

/** USER_HZ: 100 on every Linux the project runs on (`getconf CLK_TCK`). */
const ticksPerSecond = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses).
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** utime + stime of one process, in ticks; null when it is gone. */
function processTicks(pid: number): number | null {
  const fields = statFields(pid);
  // After the name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12).
  return fields ? Number(fields[11]) + Number(fields[12]) : null;
}

/** Every process whose process group leader is `groupId` (a server and whatever it spawned). */
export function processGroup(groupId: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[2]) === groupId) pids.push(Number(entry));
  }
  return pids;
}

export type CpuSnapshot = ReadonlyMap<number, number>;

export interface CpuTracker {
  poll(): Promise<void>;
  snapshot(): CpuSnapshot;
  /** CPU seconds spent by the tracked processes since `from`. */
  secondsSince(from: CpuSnapshot): number;
}

export function createCpuTracker(listPids: () => number[] | Promise<number[]>): CpuTracker {
  const last = new Map<number, number>();
  return {
    async poll() {
      for (const pid of await listPids()) {
        const ticks = processTicks(pid);
        if (ticks !== null) last.set(pid, Math.max(ticks, last.get(pid) ?? 0));
      }
    },
    snapshot: () => new Map(last),
    secondsSince(from) {
      let ticks = 0;
      for (const [pid, now] of last) ticks += now - (from.get(pid) ?? 0);
      return ticks / ticksPerSecond;
    },
  };
}

/** Polls every tracker every `intervalMs` until stopped. */
export function pollEvery(trackers: CpuTracker[], intervalMs = 200): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = Promise.all(trackers.map((tracker) => tracker.poll())).catch(() => undefined);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await Promise.all(trackers.map((tracker) => tracker.poll()));
    },
  };
}
