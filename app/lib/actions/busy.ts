/**
 * A save the database cannot take right now (every pooled connection busy past the transaction's
 * wait or the pool's, poolWaitMs; SQLite's lock held past its timeout) answers `busy` instead of
 * throwing: a thrown error reaches the browser as a bare HTTP 500. Grades, undos and marks are
 * idempotent, so the outbox retries a busy answer with backoff like a failed request, showing
 * "waiting to save — retrying".
 */
export type BusyResult = { status: "busy" };

/** Prisma codes for a database that did not answer in time, not for a wrong request. */
const busyCodes = new Set([
  "P1008", // Operations timed out
  "P2024", // Timed out fetching a new connection from the pool
  "P2028", // Transaction API error: could not start in time, or expired before its commit
]);

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && busyCodes.has(code)) return true;
  return /Unable to start a transaction in the given time|timeout exceeded when trying to connect|database is locked|SQLITE_BUSY/i.test(
    String((error as { message?: unknown } | null)?.message ?? error),
  );
}

/** Runs a save; a busy database becomes `{ status: "busy" }`, every other error still throws. */
export async function busyOr<T>(save: () => Promise<T>): Promise<T | BusyResult> {
  try {
    return await save();
  } catch (error) {
    if (!isBusyError(error)) throw error;
    console.warn(`Save answered busy: ${String((error as Error)?.message ?? error).split("\n")[0]}`);
    return { status: "busy" };
  }
}
