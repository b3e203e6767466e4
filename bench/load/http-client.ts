/**
 * Calls the app over HTTP the way the browser does: a grade POSTed to /api/grades as the study page's
 * outbox sends it (JSON, with the page's Origin and the session cookie), and better-auth's sign-up.
 */
import http from "node:http";

// Keep-alive, as a browser keeps its connection to the app; no limit on sockets per instance.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export interface HttpAnswer {
  status: number;
  body: string;
  setCookies: string[];
}

/** One HTTP request on loopback; rejects on a network error or after `timeoutMs`. */
export function request(
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          setCookies: res.headers["set-cookie"] ?? [],
        }),
      );
    });
    req.setTimeout(init.timeoutMs, () => req.destroy(new Error(`timed out after ${init.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(init.body);
  });
}

/** POSTs one grade to /api/grades; resolves with the HTTP answer (a network failure rejects). */
export function postGrade(call: {
  baseUrl: string;
  grade: object;
  cookie?: string;
  timeoutMs: number;
}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Origin: call.baseUrl };
  if (call.cookie) headers.Cookie = call.cookie;
  return request(`${call.baseUrl}/api/grades`, {
    method: "POST",
    headers,
    body: JSON.stringify(call.grade),
    timeoutMs: call.timeoutMs,
  });
}

/** The JSON an answer carries, or null when it is not JSON (a proxy's error page). */
export function jsonBody(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.body) as unknown;
  } catch {
    return null;
  }
}

/**
 * The Cookie header a browser would send after receiving `setCookies` while holding `current`: a
 * cookie set again replaces its value, one set empty or expired (Max-Age=0) is dropped. better-auth
 * renews its signed session cache this way, so a client that ignored it would cost a session query on
 * every request once the first copy expires.
 */
export function cookieHeader(setCookies: string[], current = ""): string {
  const jar = new Map<string, string>();
  for (const pair of current.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  for (const cookie of setCookies) {
    const [pair = "", ...attributes] = cookie.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(attribute));
    if (!value || expired) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export class SignUpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignUpError";
  }
}

/** Signs a learner up through better-auth's HTTP API; returns its user id and session cookie. */
export async function signUp(
  baseUrl: string,
  learner: { email: string; password: string; name: string },
): Promise<{ userId: string; cookie: string }> {
  const answer = await request(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify(learner),
    timeoutMs: 30_000,
  });
  if (answer.status !== 200)
    throw new SignUpError(
      `sign-up of ${learner.email} answered ${answer.status}: ${answer.body.slice(0, 300)}`,
    );
  const userId = (JSON.parse(answer.body) as { user?: { id?: unknown } }).user?.id;
  const cookie = cookieHeader(answer.setCookies);
  if (typeof userId !== "string" || !cookie)
    throw new SignUpError(`sign-up of ${learner.email} gave no user id or no session cookie`);
  return { userId, cookie };
}
