/**
 * `npm run bench:live`: how long a live event takes from one app instance to another
 * through PostgreSQL NOTIFY/LISTEN (app/lib/live/postgres-event-bus.ts). Two processes, each with its
 * own bus and connections, as two instances: this one publishes 200 events 5 ms apart (a steady
 * trickle, not a burst, so the figure is latency rather than queueing), the child it starts listens
 * and measures each event's age on arrival against the send time it carries. Both clocks are this
 * machine's (performance.timeOrigin + now(), sub-millisecond). Prints p50/p95/max. Uses a throwaway
 * database on TEST_POSTGRES_URL's server (default the local one) and drops it afterwards.
 */
import { spawn } from "node:child_process";
import pg from "pg";
import { createPostgresEventBus } from "@/app/lib/live/postgres-event-bus";

const events = 200;
const spacingMs = 5;
const nowMs = () => performance.timeOrigin + performance.now();
const learner = "bench";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function listen(url: string): Promise<void> {
  const bus = createPostgresEventBus({ connectionString: url });
  const ages: number[] = [];
  // As a study page of the learner's does: a learner's card news reaches only their subscriptions.
  bus.subscribe(
    (event) => {
      if (event.type !== "card-changed") return;
      ages.push(nowMs() - Number(event.at));
      if (ages.length === events) {
        process.stdout.write(`${JSON.stringify(ages)}\n`);
        void bus.close().then(() => process.exit(0));
      }
    },
    { userId: learner },
  );
  await bus.ready;
  process.stdout.write("ready\n");
  setTimeout(() => {
    process.stdout.write(`${JSON.stringify(ages)}\n`);
    process.exit(1);
  }, 60_000).unref();
}

async function main(): Promise<void> {
  const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `notecards_bench_live_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    const child = spawn(
      process.execPath,
      [...process.execArgv, import.meta.filename, "--listen", url.toString()],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    const ready = new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("ready\n")) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await ready;

    const bus = createPostgresEventBus({ connectionString: url.toString() });
    await bus.ready;
    for (let i = 0; i < events; i++) {
      await bus.publish({
        type: "card-changed",
        userId: learner,
        cardId: `c${i}`,
        version: i,
        at: String(nowMs()),
      });
      await new Promise((resolve) => setTimeout(resolve, spacingMs));
    }
    const code = await exited;
    await bus.close();
    const ages = (JSON.parse(output.split("\n").filter(Boolean).at(-1) ?? "[]") as number[]).sort(
      (a, b) => a - b,
    );
    if (code !== 0) throw new Error(`the listening process heard ${ages.length} of ${events} events`);
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    console.log(`NOTIFY -> LISTEN between two processes, ${ages.length} events ${spacingMs} ms apart:`);
    console.log(
      `  p50 ${ms(percentile(ages, 50))}  p95 ${ms(percentile(ages, 95))}  max ${ms(ages.at(-1) ?? NaN)}`,
    );
  } finally {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}

if (process.argv[2] === "--listen") await listen(process.argv[3]!);
else await main();
