import { NextResponse, type NextRequest } from "next/server";
import { signInHref } from "@/app/lib/auth/return-path";
import { needsSignIn } from "@/app/lib/auth/sign-in-gate";
import { readEnv } from "@/app/lib/env";
import { foreignHostMessage } from "@/app/lib/http/allowed-hosts";
import { contentSecurityPolicy, createNonce } from "@/app/lib/http/security-headers";

/**
 * Runs before every request it matches: refuses a Host outside ALLOWED_HOSTS (a rebound domain must
 * not read the learner's pages or call their Server Actions), and gives each page a fresh CSP nonce,
 * which Next reads from the request's policy and puts on its own scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const env = readEnv();
  const refused = foreignHostMessage(request.headers.get("host"), env.ALLOWED_HOSTS);
  if (refused) {
    return new NextResponse(refused, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { pathname } = request.nextUrl;
  if (!isDecodable(pathname)) {
    return new NextResponse("Bad request: the address holds an invalid %-escape.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // Route handlers set their own types and policies (the media route sandboxes SVG).
  if (pathname.startsWith("/api/") || pathname.startsWith("/media/")) return NextResponse.next();
  if (env.ACCOUNTS && needsSignIn(request)) {
    const next = `${pathname}${request.nextUrl.search}`;
    return NextResponse.redirect(new URL(signInHref(next), request.url), 303);
  }

  const policy = contentSecurityPolicy(createNonce(), { development: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** Next cannot decode `/decks/%c0%af` (not UTF-8) into a param, and answered an empty 500. */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    // Not static files, and not the upload routes: Next buffers the body of every request a proxy
    // runs for (and cuts it at 10 MB), so those routes check the host themselves, while streaming.
    // Nor the grade route, the most frequent request, which checks the host itself too; nor the
    // readiness check, which a load balancer asks by the instance's own address and which shows
    // nothing of anyone's data.
    "/((?!_next/static|_next/image|favicon\\.svg|api/anki|api/backup|api/grades|api/health).*)",
  ],
};
