/**
 * The address a request came from, as Next reports it: the first entry of `X-Forwarded-For`, which
 * Next fills from the socket when no proxy in front set it. A client can set the header itself, so
 * anything keyed on this needs a cap that does not trust it as well.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
