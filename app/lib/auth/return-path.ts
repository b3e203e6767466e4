/**
 * Where a learner lands after signing in: the `next` query parameter, if it is a path on this site.
 * Anything else (another origin, `//host`, a backslash that some browsers read as a slash, control
 * characters, the sign-in pages themselves) lands on the home page, so a link cannot send a learner
 * off-site after they typed their password.
 */
const fallback = "/";
const authPages = ["/sign-in", "/sign-up"];

/**
 * @example safeReturnPath("/decks/spanish?x=1") // -> "/decks/spanish?x=1"
 * @example safeReturnPath("https://evil.example/") // -> "/"
 * @example safeReturnPath("//evil.example/") // -> "/"
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2_000) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, "http://notecards.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://notecards.invalid") return fallback;
  if (authPages.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
  if (url.pathname.startsWith("/api/")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page that comes back to `path` afterwards. */
export function signInHref(path: string): string {
  const next = safeReturnPath(path);
  return next === fallback ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
