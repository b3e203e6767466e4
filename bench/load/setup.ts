/**
 * A phase's surroundings: a fresh database with the generated notes imported through the `cards`
 * command (as `npm start` does), the instances, and the learners (signed up through better-auth when
 * accounts are on). On PostgreSQL one more instance, the counting instance, reaches the database
 * through the counting proxy; the measured instances connect directly, so the proxy's relaying (six
 * round trips a grade through this process) is neither in their latency nor in the generator's CPU.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, importNotes } from "@/test/e2e/support/server";
import { signUp } from "./http-client";
import { queryRows } from "./checks";
import type { Learner } from "./grader";
import { createInstance, type Instance } from "./instances";
import { writeNotes } from "./notes";
import { startCountingProxy, type CountingProxy } from "./pg-proxy";

export type Provider = "postgresql" | "sqlite";

export interface Surroundings {
  /** The database the checks read, directly (not through the proxy). */
  databaseUrl: string;
  databaseName: string | null;
  proxy: CountingProxy | null;
  instances: Instance[];
  /** PostgreSQL: an instance whose statements the proxy counts; null on SQLite. */
  countingInstance: Instance | null;
  /** PostgreSQL backends serving this database (for their CPU time); none for SQLite. */
  backendPids(): Promise<number[]>;
  teardown(keep: boolean): Promise<void>;
}

export interface SetupOptions {
  provider: Provider;
  instances: number;
  cards: number;
  accounts: boolean;
  adminUrl: string;
  /** Writes each instance's CPU profile (node --cpu-prof) into this folder when it stops. */
  profileDir: string | null;
}

export async function setUp(options: SetupOptions): Promise<Surroundings> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), "notecards-load-"));
  const notesDir = path.join(tempDir, "notes");
  writeNotes(notesDir, options.cards);

  // The `cards` command and the instances read these (env.ts); a secret made for this run only.
  const authEnv = {
    ACCOUNTS: options.accounts ? "on" : "off",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    // Every learner signs up from 127.0.0.1.
    AUTH_RATE_LIMIT: "1000000",
  };
  Object.assign(process.env, authEnv);

  let databaseUrl: string;
  let databaseName: string | null = null;
  let admin: pg.Client | null = null;
  if (options.provider === "postgresql") {
    databaseName = `notecards_load_${process.pid}_${Date.now()}`;
    admin = new pg.Client({ connectionString: options.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    const url = new URL(options.adminUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  } else {
    databaseUrl = `file:${path.join(tempDir, "load.db")}`;
  }
  await importNotes({ databaseUrl, contentDir: notesDir, mediaDir: path.join(tempDir, "media-import") });

  let proxy: CountingProxy | null = null;
  let proxiedUrl: string | null = null;
  if (options.provider === "postgresql") {
    const target = new URL(databaseUrl);
    proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    // The counting instance talks to the proxy over TCP, also when the others use a Unix socket.
    target.searchParams.delete("host");
    proxiedUrl = target.toString();
  }

  const appInstance = async (i: number, url: string, profile: boolean) => {
    const port = await freePort();
    return createInstance(
      String.fromCharCode(65 + i),
      port,
      {
        ...process.env,
        ...authEnv,
        DATABASE_URL: url,
        CONTENT_DIR: notesDir,
        MEDIA_DIR: path.join(tempDir, `media-${i}`),
        BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      },
      profile && options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [],
    );
  };
  const instances: Instance[] = [];
  for (let i = 0; i < options.instances; i++) instances.push(await appInstance(i, databaseUrl, true));
  const countingInstance = proxiedUrl ? await appInstance(options.instances, proxiedUrl, false) : null;
  const everyInstance = countingInstance ? [...instances, countingInstance] : instances;
  try {
    await Promise.all(instances.map((instance) => instance.start()));
    // Started last, so a measured instance already holds the notes folder's watch lock: stopping the
    // counting instance after its run must not hand the lock over (a takeover rescans the folder).
    await countingInstance?.start();
  } catch (error) {
    await Promise.all(everyInstance.map((instance) => instance.stop()));
    await proxy?.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.end();
    }
    rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }

  return {
    databaseUrl,
    databaseName,
    proxy,
    instances,
    countingInstance,
    async backendPids() {
      if (!admin) return [];
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [databaseName],
      );
      return rows.map((row) => row.pid);
    },
    async teardown(keep) {
      await Promise.all(everyInstance.map((instance) => instance.stop()));
      await proxy?.close();
      if (admin) {
        if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
        await admin.end();
      }
      if (!keep) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** The learners, each with `cardsPerLearner` cards of its own; signed up when accounts are on. */
export async function createLearners(
  surroundings: Surroundings,
  count: number,
  cardsPerLearner: number,
  accounts: boolean,
): Promise<Learner[]> {
  const cards = await queryRows<{ id: string }>(
    surroundings.databaseUrl,
    `SELECT "id" FROM "Card" ORDER BY "id"`,
  );
  if (cards.length < count * cardsPerLearner)
    throw new RangeError(`${cards.length} cards imported, ${count * cardsPerLearner} needed`);
  const { instances } = surroundings;
  const learners: Learner[] = Array.from({ length: count }, (_, index) => ({
    index,
    userId: "local",
    cards: cards.slice(index * cardsPerLearner, (index + 1) * cardsPerLearner).map((card) => card.id),
    versions: new Map<string, number>(),
    nextCard: 0,
    home: index % instances.length,
  }));
  if (!accounts) return learners;
  // A few at a time: password hashing is the slow part of a sign-up, and it is on the server.
  const queue = [...learners];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let learner = queue.shift(); learner; learner = queue.shift()) {
        const { userId, cookie } = await signUp(instances[learner.home]!.baseUrl, {
          email: `learner${learner.index}@load.test`,
          password: `load-bench-password-${learner.index}`,
          name: `Learner ${learner.index}`,
        });
        learner.userId = userId;
        learner.cookie = cookie;
      }
    }),
  );
  return learners;
}
