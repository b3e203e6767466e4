/**
 * Where a learner's grade goes first: the learner's home instance, except while an instance that
 * was restarted is in its slow start, when it gets a share of its learners rising from none to all
 * over `slowStartMs`, the rest going to the next instance. That is how load balancers bring a cold
 * backend back (HAProxy's `slowstart`, an AWS target group's `slow_start.duration_seconds`): a
 * fresh Next server loads its route code and warms its JIT and connection pool on its first
 * requests, and its whole share at once queued them for seconds.
 */
export interface Balancer {
  /** The instance to try first for a learner whose home is `home`. */
  firstChoice(home: number): number;
  /** Marks `instance` as answering again from now: its slow start begins. */
  rejoined(instance: number): void;
}

export function createBalancer(
  instanceCount: number,
  slowStartMs: number,
  random: () => number = Math.random,
): Balancer {
  let warming: { instance: number; since: number } | null = null;
  return {
    firstChoice(home) {
      if (!warming || home !== warming.instance || instanceCount < 2) return home;
      const share = (Date.now() - warming.since) / slowStartMs;
      if (share >= 1) {
        warming = null;
        return home;
      }
      return random() < share ? home : (home + 1) % instanceCount;
    },
    rejoined(instance) {
      if (slowStartMs > 0) warming = { instance, since: Date.now() };
    },
  };
}
