/**
 * Resident memory of a process group (a server and whatever it spawned), from /proc: Linux only,
 * which is where the benchmarks run.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Resident set size in bytes of every process whose group leader is `groupId`. */
export function groupResidentBytes(groupId: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, ...
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Samples `groupResidentBytes` every `intervalMs` until stopped; returns the highest seen. */
export function watchPeak(groupId: number, intervalMs = 25): { stop(): number } {
  let peak = groupResidentBytes(groupId);
  const timer = setInterval(() => {
    peak = Math.max(peak, groupResidentBytes(groupId));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, groupResidentBytes(groupId));
    },
  };
}
