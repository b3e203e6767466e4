import { readEnv } from "@/app/lib/env";
import { foreignHostMessage } from "./allowed-hosts";
import { discardBody } from "./body-limit";
import { crossSiteReason } from "./cross-site";
import { jsonError } from "./json-error";

/** The 403 for a request to a Host this server does not answer to (DNS rebinding), else null. */
export function refuseForeignHost(request: Request): Response | null {
  const message = foreignHostMessage(request.headers.get("host"), readEnv().ALLOWED_HOSTS);
  if (!message) return null;
  discardBody(request);
  return jsonError(403, message);
}

/**
 * The 403 for an upload that must not be taken: one sent to a Host this server does not answer to
 * (DNS rebinding), or by a page of another site (a no-CORS form post replacing a deck). Null when
 * the upload may go ahead. Checked before a byte of the body is read.
 */
export function refuseForeignUpload(request: Request): Response | null {
  return refuseForeignPost(request, "Upload from the app's own Settings page.");
}

/**
 * The 403 for a post from a foreign Host or another site's page, else null; `hint` says where to do
 * it instead. Sign-in uses it too: a page of another site must not sign the browser in to an account
 * of its choosing (login forgery), which better-auth's own Origin check lets through when the browser
 * holds no cookie yet.
 */
export function refuseForeignPost(request: Request, hint: string): Response | null {
  const { ALLOWED_HOSTS } = readEnv();
  const hostMessage = foreignHostMessage(request.headers.get("host"), ALLOWED_HOSTS);
  const reason = hostMessage ? null : crossSiteReason(request.headers, ALLOWED_HOSTS);
  if (!hostMessage && !reason) return null;
  discardBody(request);
  return jsonError(403, hostMessage ?? `Refused: ${reason}. ${hint}`);
}
