import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from the schema. Only the CLI uses it; the app and the
// `cards` command connect through driver adapters (app/lib/database/).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/dev.db" },
});
