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
