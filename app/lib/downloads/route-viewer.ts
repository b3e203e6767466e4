import "server-only";
import { SignInRequiredError, viewerOrThrow, type Viewer } from "@/app/lib/auth/viewer";
import { jsonError } from "@/app/lib/http/json-error";

/**
 * For the download and upload routes: the viewer, or the 401 to answer with when nobody is signed in
 * (a route has no page to redirect from; the upload forms show the message as is).
 */
export async function viewerOrUnauthorized(): Promise<Viewer | Response> {
  try {
    return await viewerOrThrow();
  } catch (error) {
    if (error instanceof SignInRequiredError) return jsonError(401, error.message);
    throw error;
  }
}
