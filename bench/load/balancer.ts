/**
 * Where a learner's grade goes: the learner's home instance, except while it is down or in its slow
 * start. An instance that refused a connection is down (a passive health check, as HAProxy's
 * `observe layer4` and nginx's `max_fails` mark a backend): nothing goes to it until its health
 * check passes again (`rejoined`), so requests do not queue on a process that has bound its port
 * but is still starting. A rejoined instance is then in its slow start, when it gets a share of its
 * learners rising from none to all over `slowStartMs`, the rest going to the next instance. That
 * is how load balancers bring a cold backend back (HAProxy's `slowstart`, an AWS target group's
 * `slow_start.duration_seconds`): a fresh Next server loads its route code and warms its JIT and
 * connection pool on its first requests, and its whole share at once queued them for seconds.
 */
export interface Balancer {
  /** The instance to try first for a learner whose home is `home`. */
  firstChoice(home: number): number;
  /** Where to send a request after `failures` failed tries that began at `first`. */
  nextChoice(first: number, failures: number): number;
  /** Marks `instance` down: it refused a connection. */
  refused(instance: number): void;
  /** Marks `instance` as answering again from now: its slow start begins. */
  rejoined(instance: number): void;
}

export function createBalancer(
  instanceCount: number,
  slowStartMs: number,
  random: () => number = Math.random,
): Balancer {
  let warming: { instance: number; since: number } | null = null;
  const down = new Set<number>();
  /** `instance` if it is up, else the next one that is (or `instance` when all are down). */
  const upFrom = (instance: number) => {
    for (let step = 0; step < instanceCount; step++) {
      const candidate = (instance + step) % instanceCount;
      if (!down.has(candidate)) return candidate;
    }
    return instance;
  };
  return {
    firstChoice(home) {
      if (!warming || home !== warming.instance || instanceCount < 2) return upFrom(home);
      const share = (Date.now() - warming.since) / slowStartMs;
      if (share >= 1) {
        warming = null;
        return upFrom(home);
      }
      return upFrom(random() < share ? home : (home + 1) % instanceCount);
    },
    nextChoice(first, failures) {
      return upFrom((first + failures) % instanceCount);
    },
    refused(instance) {
      down.add(instance);
    },
    rejoined(instance) {
      down.delete(instance);
      if (slowStartMs > 0) warming = { instance, since: Date.now() };
    },
  };
}
