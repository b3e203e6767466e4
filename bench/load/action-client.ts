/**
 * Calls the app over HTTP the way the browser does: the `gradeCard` Server Action through React's
 * action protocol, and better-auth's sign-up. Found by reading Next 16's
 * server/app-render/action-handler.js:
 *   - POST to a page whose bundle holds the action (the study pages; another page would forward the
 *     request internally, an extra hop), with `Next-Action: <id>` (from
 *     .next/server/server-reference-manifest.json) and `Content-Type: text/plain;charset=UTF-8`;
 *   - the body is React's `encodeReply` of the argument list, which for plain JSON values is the JSON
 *     of the array (no string in it may start with `$`);
 *   - `Origin` must name the same host as `Host`, or the action is refused as cross-site;
 *   - the answer is a flight stream, one row per line, `<hex id>:<json>`: row 0 is
 *     `{"a":"$@1",...}`, a reference to the row holding the return value (an `E` row is a thrown error).
 *     The page is not rendered after the action, since gradeCard revalidates nothing.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

// Keep-alive, as a browser keeps its connection to the app; no limit on sockets per instance.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export class ActionNotFoundError extends Error {
  constructor(name: string) {
    super(`No Server Action "${name}" in .next/server/server-reference-manifest.json: is the build current?`);
    this.name = "ActionNotFoundError";
  }
}

/** The id the build gave an exported Server Action of `file` (relative to the project). */
export function actionId(file: string, exportedName: string): string {
  const manifestPath = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && entry.filename === file) return id;
  }
  throw new ActionNotFoundError(exportedName);
}

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

export class FlightParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlightParseError";
  }
}

/** The action's return value from a flight answer; throws when the action threw or it is garbled. */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get("0");
  if (!head) throw new FlightParseError(`no row 0 in ${JSON.stringify(body.slice(0, 200))}`);
  const reference = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof reference !== "string" || !reference.startsWith("$@"))
    throw new FlightParseError(`row 0 names no result: ${head.slice(0, 200)}`);
  const row = rows.get(reference.slice(2));
  if (row === undefined) throw new FlightParseError(`result row ${reference} missing`);
  if (row.startsWith("E")) throw new FlightParseError(`the action threw: ${row.slice(1, 300)}`);
  return JSON.parse(row) as unknown;
}

export interface ActionCall {
  baseUrl: string;
  /** A page whose bundle holds the action. */
  page: string;
  actionId: string;
  args: unknown[];
  cookie?: string;
  timeoutMs: number;
}

/** POSTs a Server Action call; resolves with the HTTP answer (a network failure rejects). */
export function callAction(call: ActionCall): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    "Next-Action": call.actionId,
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
    Origin: call.baseUrl,
  };
  if (call.cookie) headers.Cookie = call.cookie;
  return request(`${call.baseUrl}${call.page}`, {
    method: "POST",
    headers,
    body: JSON.stringify(call.args),
    timeoutMs: call.timeoutMs,
  });
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
