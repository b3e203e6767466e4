/**
 * Errors the database gives the same meaning on SQLite and PostgreSQL, as Prisma reports them
 * through either driver adapter.
 */

/** A unique constraint refused the write: usually a concurrent writer created the same row first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || /unique constraint/i.test(String(error));
}
