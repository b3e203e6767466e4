import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests against the production build (test/e2e/run.ts builds it first). One file at a time:
// each starts its own server and Chromium, and the machines have two cores.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
