import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, wantsNonce } from "@/lib/server/csp";
import { env, internalOrigin } from "@/lib/server/env";
import { isSameOriginRequest, isStateChanging } from "@/lib/server/request-guards";

// Runs before every route (Next 16's proxy, formerly middleware; Node.js runtime):
// - gives each request an id (the caller's X-Request-Id if sane, else a new one), passed to the
//   route as a request header and sent back as X-Request-Id; logs carry it (lib/server/log.ts);
// - refuses bodies declared larger than 1 MB before anything buffers them (413);
// - refuses a cross-origin state change, whatever handles it (403);
// - answers a shared page (/s/<token>), and a signed-in user's project pages, 503 + Retry-After
//   when the database is unreachable (a page cannot set its own status; without this it would be
//   a 500). Only those requests pay for the probe; a project page without a session cookie
//   redirects to sign-in without touching the database.
// - sets the Content-Security-Policy: a fresh script nonce for pages rendered per request (Next.js
//   reads it from the request's CSP header), 'unsafe-inline' scripts only on prerendered pages
//   (lib/server/csp.ts). The other security headers are static and live in next.config.js.

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function proxy(request: NextRequest) {
  const given = request.headers.get("x-request-id");
  const reqId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();

  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    return json(413, { error: "payload_too_large", message: "The request body exceeds 1 MB." }, reqId);
  }

  // One same-origin rule for every state change (lib/server/request-guards.ts): routes with or without
  // a body, Auth.js, and server actions (which Next.js answered 500 when cross-origin). The public
  // API (/api/v1/*) takes cross-origin calls; its routes decide (route({ crossOrigin })).
  if (
    isStateChanging(request.method) &&
    !request.nextUrl.pathname.startsWith("/api/v1/") &&
    !isSameOriginRequest(request)
  ) {
    return json(403, { error: "forbidden", message: "Cross-origin requests may not change data." }, reqId);
  }

  const page = pageNeedingDatabase(request);
  if (page && !(await databaseAnswers())) {
    return new NextResponse(page === "shared" ? SHARED_UNAVAILABLE_PAGE : UNAVAILABLE_PAGE, {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "retry-after": "10",
        "cache-control": "no-store",
        "x-request-id": reqId,
        "content-security-policy": contentSecurityPolicy({ dev: false }),
      },
    });
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", reqId);
  const nonce = wantsNonce(request.method, request.nextUrl.pathname) ? newNonce() : undefined;
  const policy = contentSecurityPolicy({ nonce, dev: env().NODE_ENV === "development" });
  // Next.js takes the nonce for its inline scripts from the request's CSP header; never the caller's.
  headers.delete("content-security-policy-report-only");
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", reqId);
  res.headers.set("content-security-policy", policy);
  return res;
}

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function pageNeedingDatabase(request: NextRequest): "shared" | "signed-in" | undefined {
  if (request.method !== "GET") return undefined;
  const path = request.nextUrl.pathname;
  if (/^\/s\/[^/]+\/?$/.test(path)) return "shared";
  if (/^\/projects(\/|$)/.test(path) && SESSION_COOKIES.some((name) => request.cookies.has(name))) return "signed-in";
  return undefined;
}

async function databaseAnswers(): Promise<boolean> {
  try {
    const res = await fetch(`${internalOrigin()}/api/ready?only=db`, {
      signal: AbortSignal.timeout(2_500),
      cache: "no-store",
    });
    return res.status !== 503;
  } catch {
    // The readiness route itself unreachable: let the page try and report what it finds.
    return true;
  }
}

function json(status: number, body: unknown, reqId: string) {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store", "x-request-id": reqId } });
}

const unavailablePage = (
  heading: string,
  text: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Temporarily unavailable · RentOrOwn</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}p{color:#475569}</style></head>
<body><h1>${heading}</h1><p>${text}</p></body></html>`;
const SHARED_UNAVAILABLE_PAGE = unavailablePage(
  "This shared recommendation is temporarily unavailable",
  "We cannot reach our database right now. The link itself is fine: try again in a minute.",
);
const UNAVAILABLE_PAGE = unavailablePage(
  "Your projects are temporarily unavailable",
  "We cannot reach our database right now. Nothing is lost and you are still signed in: try again in a minute.",
);

export const config = {
  // Not for build assets and images (they carry no body and need no id).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
