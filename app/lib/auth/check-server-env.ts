import { readServerEnv } from "@/app/lib/env";

/**
 * Stops a starting server whose environment is wrong (accounts on without a secret), with the reason,
 * rather than letting it fail at the first sign-in. Called from instrumentation.ts in Node only.
 */
export function checkServerEnv(): void {
  try {
    readServerEnv();
  } catch (error) {
    console.error(`Notecards cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
}
