/**
 * Prisma's better-sqlite3 adapter compiles every query anew (`client.prepare(sql)` on each call, a
 * statement thrown away after one use): at 1M cards, compiling was 14% of the CPU a study queue's
 * read took, as much as a third of what its SQL cost to run. {@link CachedSqliteAdapter} gives the
 * adapter a client whose `prepare` hands back statements compiled once per SQL text and kept in a
 * bounded cache, the way a driver's statement cache does (pg keeps named statements per connection:
 * statement-names.ts). A query's texts are the same on every call (the study queue's SQL varies only
 * with its lists' lengths), so the cache holds what is run often.
 *
 * Reusing a statement is safe here: better-sqlite3 runs `all` and `run` to completion at once and
 * resets the statement after, even on error; a schema change makes SQLite recompile it when it next
 * runs (ReusedStatement reads the columns after that).
 */
import type Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

/** SQL texts kept compiled: every query shape the app runs, several times over. */
export const statementCacheSize = 500;

type Statement = Database.Statement<unknown[], unknown>;

/**
 * A compiled statement bound to one call's values, with the part of better-sqlite3's Statement the
 * adapter uses (`reader`, `columns`, `raw().all()`, `run`). Values are passed on each call, as a
 * statement can be bound only once.
 *
 * A reader's rows are read before its columns are named: SQLite recompiles a statement whose tables
 * changed when it next runs, and until then names the columns it was compiled with (a `SELECT *`
 * cached before a column was added would name one column too few). Each statement runs once.
 */
class ReusedStatement {
  #raw = false;
  #rows: unknown[][] | null = null;
  constructor(
    private readonly statement: Statement,
    private readonly values: readonly unknown[] = [],
  ) {}

  get reader() {
    return this.statement.reader;
  }

  bind(values: unknown[]) {
    return new ReusedStatement(this.statement, values);
  }

  #read() {
    this.#rows ??= this.statement.raw(true).all(...this.values) as unknown[][];
    return this.#rows;
  }

  columns() {
    this.#read();
    return this.statement.columns();
  }

  raw(on = true) {
    this.#raw = on;
    return this;
  }

  all() {
    const rows = this.#read();
    if (this.#raw) return rows;
    const names = this.statement.columns().map((column) => column.name);
    return rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
  }

  run() {
    return this.statement.run(...this.values);
  }
}

/** Compiled statements by SQL text, the least recently used dropped past `size`. */
export class StatementCache {
  readonly #statements = new Map<string, Statement>();
  /** How many texts were compiled (each a miss): what a test can see the cache save. */
  compiled = 0;

  constructor(
    private readonly client: Database.Database,
    private readonly size = statementCacheSize,
  ) {}

  get cached() {
    return this.#statements.size;
  }

  prepare(sql: string): ReusedStatement {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = this.client.prepare(sql) as Statement;
      this.compiled++;
      if (this.#statements.size >= this.size) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return new ReusedStatement(statement);
  }

  /** The client with `prepare` going through this cache; every other member is the client's own. */
  cachingClient(): Database.Database {
    return new Proxy(this.client, {
      get: (target, property) => {
        if (property === "prepare") return (sql: string) => this.prepare(sql);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}

/** The adapter object as this module reaches into it: the better-sqlite3 client it queries through. */
interface AdapterWithClient {
  client: Database.Database;
}

function hasClient(adapter: object): adapter is AdapterWithClient {
  const client = (adapter as Partial<AdapterWithClient>).client;
  return typeof client?.prepare === "function" && typeof client?.exec === "function";
}

/**
 * PrismaBetterSqlite3 whose connection prepares through a {@link StatementCache}. The adapter keeps its
 * better-sqlite3 client in a `client` field that its transactions share; if a new version of the
 * adapter stops doing so, connecting fails at once rather than running uncached.
 */
export class CachedSqliteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  /** The open connection's cache (null before connect): for tests and benchmarks to read. */
  statements: StatementCache | null = null;
  readonly #inner: PrismaBetterSqlite3;

  constructor(...args: ConstructorParameters<typeof PrismaBetterSqlite3>) {
    this.#inner = new PrismaBetterSqlite3(...args);
    this.adapterName = this.#inner.adapterName;
  }

  async connect() {
    const adapter = await this.#inner.connect();
    if (!hasClient(adapter)) {
      throw new Error(
        "@prisma/adapter-better-sqlite3 no longer keeps its client in `client`: app/lib/database/sqlite-statements.ts needs updating",
      );
    }
    this.statements = new StatementCache(adapter.client);
    adapter.client = this.statements.cachingClient();
    return adapter;
  }

  connectToShadowDb() {
    return this.#inner.connectToShadowDb();
  }
}
