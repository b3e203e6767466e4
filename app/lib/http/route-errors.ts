import { SignInRequiredError } from "@/app/lib/auth/viewer";
import { BodyTooLargeError } from "./body-limit";
import { jsonError } from "./json-error";

/**
 * Wraps a route handler so that no failure leaves as an empty 500: nobody signed in (viewerOrThrow)
 * is a 401, a body over its limit is a 413 with the limit in the message, and anything unexpected is logged and answered with a 500 whose
 * body says so. Expected domain errors (a broken package, a refused backup) are the handler's own
 * to map, to 422.
 */
export function withRouteErrors<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof SignInRequiredError) return jsonError(401, error.message);
      if (error instanceof BodyTooLargeError) return jsonError(413, error.message);
      console.error(error);
      return jsonError(500, "The server could not handle this request (its log says why). Try again.");
    }
  };
}
