// The Content-Security-Policy, set by proxy.ts on every response it passes (pages and API).
//
// Scripts: pages rendered per request (every page but the few prerendered ones) get a fresh nonce;
// Next.js reads it from the request's CSP header and puts it on its own inline bootstrap scripts,
// so no other inline script runs there. The prerendered pages (/, /catalog, /report/print, the
// static 404) are built once and cannot carry a per-request nonce without being rendered per
// request, so they keep 'unsafe-inline' for scripts (README "Production configuration").
// Styles stay 'unsafe-inline' everywhere (recharts and next/font write inline styles).
// 'unsafe-eval' only in `next dev` (React's dev tooling).

/** Pages rendered per request: the nonce reaches their HTML. (A prerendered page would not carry it.) */
const PER_REQUEST_PAGES = /^\/(assess|check-email|dev\/outbox|projects|s|signin)(\/|$)/;

export function wantsNonce(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && PER_REQUEST_PAGES.test(pathname);
}

export function contentSecurityPolicy({ nonce, dev }: { nonce?: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${nonce ? `'nonce-${nonce}'` : "'unsafe-inline'"}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com https://accounts.google.com",
    "object-src 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
