/**
 * Whether a request was sent by a page of another site. Browsers say so in `Sec-Fetch-Site`, and on
 * every POST in `Origin`; a request with neither comes from a program (curl, the CLI, a test), not
 * from a page, so it cannot be a cross-site forgery. Pure: headers in, verdict out.
 */
import { isAllowedHost } from "./allowed-hosts";

/**
 * Why the request counts as cross-site, or null when it does not. `same-origin` and `none` (typed in
 * the address bar) pass; `same-site` (another port of this host) and `cross-site` do not. Without
 * `Sec-Fetch-Site`, the Origin's host must be one of `allowedHosts`.
 */
export function crossSiteReason(headers: Headers, allowedHosts: readonly string[]): string | null {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    return fetchSite === "same-origin" || fetchSite === "none"
      ? null
      : `it was sent by a page of another site (Sec-Fetch-Site: ${fetchSite})`;
  }
  const origin = headers.get("origin");
  if (origin === null) return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // "null" (a sandboxed or file page) or garbage: not this app.
  }
  return isAllowedHost(host, allowedHosts) ? null : `it was sent by a page of another site (${origin})`;
}
