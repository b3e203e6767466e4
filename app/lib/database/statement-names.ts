/**
 * Names for PostgreSQL prepared statements, given to Prisma's pg adapter: a named statement is
 * parsed and planned once per connection and then only bound and run, where an unnamed one is
 * parsed and planned on every call (the study queue's SQL spent about as long planning as running).
 * The name is a hash of the SQL text, so one name never stands for two texts (node-postgres
 * refuses that). Only the first `limit` distinct texts of the process get a name: each connection
 * keeps its prepared statements until it closes, and lists of varying length (`IN ($1, $2, ...)`)
 * make new texts, so the rest run unnamed and no connection's cache grows without bound.
 */
import { createHash } from "node:crypto";

/**
 * Settings of every app connection to PostgreSQL: reuse a prepared statement's generic plan. The
 * server otherwise plans a statement afresh for its first five runs, and then for as long as the
 * generic plan's estimate looks dearer; for the study queue's statements it always did (it cannot
 * see a LIMIT's value), re-planning the new-card walk and the next-due read on every call though
 * their plans lead with the learner and walk an index in order either way. bench:queue, one deck
 * on PostgreSQL at 1M cards: server CPU per build 2.65 -> 1.80 ms, whole read p95 5.33 -> 4.98 ms;
 * bench:stats (date-range reads) unchanged within noise. A DATABASE_URL with its own `options`
 * keeps those instead.
 */
export const postgresSessionOptions = "-c plan_cache_mode=force_generic_plan";

export function preparedStatementNames(limit = 1_000): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    // Unnamed (undefined) runs as before; the adapter's type asks for a string.
    if (names.size >= limit) return undefined as unknown as string;
    const name = `q${createHash("sha1").update(sql).digest("base64url").slice(0, 20)}`;
    names.set(sql, name);
    return name;
  };
}
