import { getDb } from "@/app/lib/db";
import { checkReadiness } from "@/app/lib/database/readiness";
import { jsonError } from "@/app/lib/http/json-error";

export const dynamic = "force-dynamic";

/** Within a load balancer's usual probe timeout (HAProxy's, an AWS target group's: 5 s). */
const readinessTimeoutMs = 3_000;

/**
 * GET /api/health: 200 once this instance's database is open and answering, else 503 with the
 * reason (Retry-After: 5). For load balancers and process managers; it needs no session and
 * shows nothing of anyone's data.
 */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness(getDb, readinessTimeoutMs);
  if (!readiness.ready) return jsonError(503, readiness.reason, { "Retry-After": "5" });
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
