/**
 * Who a request's cookies sign in, read through better-auth, without a save ever writing a cookie.
 *
 * In a Server Action, a cookie set by better-auth (the nextCookies plugin: the signed session copy
 * renewed once its minute is up) makes Next render the whole page again into the action's answer.
 * For a grade that is a study page render on every learner's first grade of each minute;
 * bench:load showed 200 learners whose copies expired together stalling both instances for
 * seconds. So in an action, once the signed copy has expired, the session is read from the database
 * without writing cookies, and this process trusts that answer for the same minute a cookie copy
 * would have been trusted (sessionCacheSeconds). Only the once-a-day extension of the session's
 * expiry writes its cookies from an action, as before. Pages and route handlers read as better-auth
 * does by default.
 */
import type { Auth } from "./create-auth";
import { sessionCacheSeconds } from "./create-auth";
import { cookieCacheExpiry, type VerifiedSessions } from "./verified-sessions";
import type { Viewer } from "./viewer";

export interface SessionRead {
  viewer: Viewer | null;
  /** The Set-Cookie headers better-auth produced (the nextCookies plugin applies them where it may). */
  setCookies: string[];
}

type SessionAnswer = Awaited<ReturnType<Auth["api"]["getSession"]>>;

async function getSession(auth: Auth, headers: Headers, quiet: boolean) {
  const query = quiet ? { disableCookieCache: true, disableRefresh: true } : undefined;
  const { headers: answered, response } = await auth.api.getSession({ headers, query, returnHeaders: true });
  return { session: response as SessionAnswer, setCookies: answered.getSetCookie() };
}

/** Whether better-auth would push the session's expiry back now (its `updateAge`). */
async function wantsExtending(auth: Auth, expiresAt: Date, now: number): Promise<boolean> {
  const { sessionConfig } = await auth.$context;
  return expiresAt.getTime() - sessionConfig.expiresIn * 1000 + sessionConfig.updateAge * 1000 <= now;
}

export async function readSessionWith(
  auth: Auth,
  headers: Headers,
  {
    serverAction,
    verified,
    now = Date.now(),
  }: { serverAction: boolean; verified: VerifiedSessions<Viewer>; now?: number },
): Promise<SessionRead> {
  const cookieHeader = headers.get("cookie");
  const known = cookieHeader ? verified.get(cookieHeader) : undefined;
  if (known) return { viewer: known, setCookies: [] };
  const copyExpiry = cookieHeader ? cookieCacheExpiry(cookieHeader) : null;
  const copyLive = copyExpiry !== null && copyExpiry > now;
  // An action with no live signed copy: read the database without touching cookies.
  const quiet = serverAction && !copyLive;
  let { session, setCookies } = await getSession(auth, headers, quiet);
  if (session && quiet && (await wantsExtending(auth, new Date(session.session.expiresAt), now)))
    ({ session, setCookies } = await getSession(auth, headers, false));
  if (!session) return { viewer: null, setCookies };
  const { user } = session;
  const viewer: Viewer = { userId: user.id, name: user.name, email: user.email, accounts: true };
  const trustedUntil = copyLive ? copyExpiry : quiet ? now + sessionCacheSeconds * 1000 : null;
  if (cookieHeader && trustedUntil !== null)
    verified.remember(
      cookieHeader,
      viewer,
      Math.min(trustedUntil, new Date(session.session.expiresAt).getTime()),
    );
  return { viewer, setCookies };
}
