import { saveGrade, type SaveGradeResult } from "@/app/lib/actions/save-grade";
import { readSmallBody } from "@/app/lib/http/body-limit";
import { jsonError } from "@/app/lib/http/json-error";
import { withRouteErrors } from "@/app/lib/http/route-errors";
import { refuseForeignPost } from "@/app/lib/http/upload-guard";

export const dynamic = "force-dynamic";

/** A grade is about 200 bytes of JSON. */
const gradeBodyLimit = 4 * 1024;

const statusOf: Record<SaveGradeResult["status"], number> = {
  saved: 200,
  conflict: 200,
  "not-found": 404,
  busy: 503,
  invalid: 422,
};

/**
 * POST /api/grades: one grade from the study page's outbox (app/ui/study/use-outbox.ts), answered
 * with its result as JSON. A route rather than a Server Action: an action's answer goes through
 * the page's React server rendering, and grades are the app's most frequent write.
 */
export const POST = withRouteErrors(async function POST(request: Request): Promise<Response> {
  const refused = refuseForeignPost(request, "Grade cards on the app's own study pages.");
  if (refused) return refused;
  let input: unknown;
  try {
    input = JSON.parse((await readSmallBody(request, gradeBodyLimit)).toString("utf8"));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return jsonError(400, "The grade is not JSON.");
  }
  const result = await saveGrade(input);
  return Response.json(result, {
    status: statusOf[result.status],
    headers: { "Cache-Control": "no-store", ...(result.status === "busy" ? { "Retry-After": "1" } : {}) },
  });
});
