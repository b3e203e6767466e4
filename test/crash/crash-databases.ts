/**
 * The crash test's databases: a template holding version 1 of the deck, and for each run a fresh
 * empty database or a copy of the template. SQLite copies the file; PostgreSQL uses
 * `CREATE DATABASE ... TEMPLATE`, which copies without replaying the import.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProvider } from "@/test/helpers/databases";

export interface CrashDatabases {
  provider: TestProvider;
  templateUrl: string;
  /** A new database: empty (migrated by the first `cards` run) or a copy of the template. */
  create(name: string, from: "empty" | "template"): Promise<string>;
  drop(url: string): Promise<void>;
  dropAll(): Promise<void>;
}

const sqliteSuffixes = ["", "-wal", "-shm"];

function sqliteDatabases(dir: string): CrashDatabases {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, `${name}.db`);
  const templateFile = file("template");
  return {
    provider: "sqlite",
    templateUrl: `file:${templateFile}`,
    async create(name, from) {
      if (from === "template") {
        for (const suffix of sqliteSuffixes) {
          if (existsSync(templateFile + suffix)) copyFileSync(templateFile + suffix, file(name) + suffix);
        }
      }
      return `file:${file(name)}`;
    },
    async drop(url) {
      for (const suffix of sqliteSuffixes) rmSync(url.replace(/^file:/, "") + suffix, { force: true });
    },
    async dropAll() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabases(adminUrl: string): Promise<CrashDatabases> {
  const prefix = `notecards_crash_${process.pid}_`;
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${prefix}${name}`;
    return url.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const nameOf = (url: string) => new URL(url).pathname.slice(1);
  await admin(`CREATE DATABASE "${prefix}template"`);
  const created = new Set<string>([urlOf("template")]);
  const drop = async (url: string) => {
    await admin(`DROP DATABASE IF EXISTS "${nameOf(url)}" WITH (FORCE)`);
    created.delete(url);
  };
  return {
    provider: "postgresql",
    templateUrl: urlOf("template"),
    async create(name, from) {
      await admin(
        `CREATE DATABASE "${prefix}${name}"${from === "template" ? ` TEMPLATE "${prefix}template"` : ""}`,
      );
      created.add(urlOf(name));
      return urlOf(name);
    },
    drop,
    async dropAll() {
      for (const url of [...created]) await drop(url);
    },
  };
}

/** The databases of one provider; `dir` holds SQLite's files, `adminUrl` is PostgreSQL's server. */
export function crashDatabases(
  provider: TestProvider,
  where: { dir: string; adminUrl: string },
): Promise<CrashDatabases> {
  return provider === "sqlite"
    ? Promise.resolve(sqliteDatabases(where.dir))
    : postgresDatabases(where.adminUrl);
}
