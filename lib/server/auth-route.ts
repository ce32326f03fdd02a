import "server-only";
import { NextRequest } from "next/server";
import { handlers, throttleSignIn } from "./auth";
import { clientIp } from "./client-ip";
import { publicOrigin } from "./env";
import { loggablePath, logger, requestIdFrom, runWithRequest } from "./log";
import { assertSameOrigin } from "./request-guards";
import { readBody, toErrorResponse } from "./route";
import { sessionTokenOf, sessionUserFromCookie } from "./session";
import { signInEmailOfBody } from "./signin-email";

// The Auth.js route handler (/api/auth/*) behind the app's guards:
// - the request is rebuilt on AUTH_URL's origin before Auth.js sees it. next-auth beta.32's own
//   rewrite does not take effect on Next 16 in Node (the NextRequest keeps the listening host),
//   so without this links pointed at whatever Host the caller sent, the callback-url cookie was
//   looked up under the wrong name and cookies were never Secure behind a TLS proxy;
// - POST bodies are capped (Auth.js forms are tiny) and must come from the same origin;
// - asking for a sign-in e-mail is throttled per address and per IP (429 + Retry-After);
// - errors answer in the app's one error shape, a database outage as 503 — /api/auth/session
//   included: Auth.js swallows the adapter's error and answers 200 `null`, which the browser reads
//   as "signed out" (confirmSignedOut).

export const AUTH_BODY_LIMIT_BYTES = 8 * 1024;

export function authRoute(method: "GET" | "POST") {
  return async (req: NextRequest): Promise<Response> => {
    const reqId = requestIdFrom(req.headers);
    return runWithRequest({ reqId }, async () => {
      let res: Response;
      try {
        res = await handle(req, method);
      } catch (error) {
        res = toErrorResponse(error);
      }
      const out = new Response(res.body, res);
      out.headers.set("x-request-id", reqId);
      out.headers.set("cache-control", "no-store");
      logger().info({ method, path: loggablePath(req.url), status: out.status }, "auth request");
      return out;
    });
  };
}

async function handle(req: NextRequest, method: "GET" | "POST"): Promise<Response> {
  const url = new URL(req.url);
  const target = new URL(`${url.pathname}${url.search}`, publicOrigin(req));
  const headers = new Headers(req.headers);
  // Auth.js must not re-derive the host from these; AUTH_URL decides.
  headers.delete("x-forwarded-host");
  headers.set("host", target.host);
  if (method === "GET") {
    const res = await handlers.GET(new NextRequest(target, { method, headers }));
    return /\/session\/?$/.test(url.pathname) ? confirmSignedOut(req, res) : res;
  }

  assertSameOrigin(req);
  const body = await readBody(req, AUTH_BODY_LIMIT_BYTES);
  if (/\/signin\/nodemailer\/?$/.test(url.pathname)) {
    const email = signInEmailOfBody(body, req.headers.get("content-type"));
    if (email) await throttleSignIn(email, clientIp(req.headers));
  }
  return handlers.POST(
    new NextRequest(target, { method, headers, body: body.byteLength ? (body as BodyInit) : undefined }),
  );
}

/**
 * Auth.js answers `null` both for "no valid session" and when its session lookup failed. With a
 * session cookie present, ask the database once more: an outage throws a 503 instead of telling
 * the browser the user signed out. (Costs a query only for a `null` answer to a cookie.)
 */
async function confirmSignedOut(req: Request, res: Response): Promise<Response> {
  const token = sessionTokenOf(req);
  if (res.status !== 200 || !token) return res;
  const text = await res.text();
  if (text.trim() === "null") await sessionUserFromCookie(token);
  return new Response(text, res);
}
