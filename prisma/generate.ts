/**
 * Generates the Prisma clients for both providers from the one schema (prisma/schema.prisma).
 *
 * A Prisma schema names a single provider, so the PostgreSQL schema is derived from the SQLite one
 * (provider and output swapped) and both clients are generated. `prisma generate` insists on finding
 * the native schema engine, which cannot be downloaded on these machines although generation never
 * uses it; where the engine is missing we point PRISMA_SCHEMA_ENGINE_BINARY at an existing executable.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sqliteSchema = path.join(root, "prisma/schema.prisma");
const postgresSchema = path.join(root, "prisma/postgres/schema.prisma");

function derivePostgresSchema(source: string): string {
  const swapped = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      'output       = "../app/lib/generated/sqlite"',
      'output       = "../../app/lib/generated/postgres"',
    );
  if (swapped === source || !swapped.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  return `// GENERATED from prisma/schema.prisma by prisma/generate.ts: do not edit.\n${swapped}`;
}

function schemaEngineEnv(): NodeJS.ProcessEnv {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return process.env;
  const enginesDir = path.join(root, "node_modules/@prisma/engines");
  const hasEngine =
    existsSync(enginesDir) && readdirSync(enginesDir).some((name) => name.startsWith("schema-engine"));
  return hasEngine ? process.env : { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath };
}

mkdirSync(path.dirname(postgresSchema), { recursive: true });
writeFileSync(postgresSchema, derivePostgresSchema(readFileSync(sqliteSchema, "utf8")));

const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
for (const schema of [sqliteSchema, postgresSchema]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
    cwd: root,
    env: { ...schemaEngineEnv(), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "inherit",
  });
}
