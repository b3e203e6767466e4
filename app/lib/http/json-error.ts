/**
 * The one shape of an API error: `{ "error": "<message a person can read>" }` with the status that
 * says what kind of failure it is (400 malformed, 403 refused, 404 missing, 413 too large,
 * 422 understood but invalid, 429 too many, 500 our fault). The upload forms show `error` as is.
 */
export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
