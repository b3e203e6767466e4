/**
 * The headers every response carries, and the Content-Security-Policy of pages. No imports:
 * next.config.ts reads this file too.
 */

/** Sent with every response (next.config.ts `headers()`), pages, API and static files alike. */
export const staticSecurityHeaders = [
  // Links out of the app (card links, remote images) do not tell other sites which deck was open.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
];

/**
 * A page's policy, with the nonce Next puts on its own scripts (proxy.ts makes one per request):
 * only scripts carrying it run, and whatever they load ('strict-dynamic'). Images may come from
 * anywhere because a learner can choose to show a card's remote images (the card renderer shows a
 * placeholder until then); everything else comes from the app itself. No page may be framed.
 */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    // React in development rebuilds server error stacks with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // The development overlay sets inline styles; a nonce in the list would make browsers ignore
    // 'unsafe-inline', so development gets that alone.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // KaTeX sizes each piece of a formula with a style attribute. Attributes are allowed, <style>
    // elements still need the nonce: card markup is sanitised (no style attribute of its own) and
    // KaTeX runs untrusted (`\htmlStyle` off), so only KaTeX's computed sizes reach the page.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data: https: http:",
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
