import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "./proxy";

// Issue #25: with PostgreSQL down, /projects with a valid session cookie answered 500. Pages
// cannot set their own status, so the proxy asks /api/ready?only=db first, for the pages that need
// the database, and answers 503 + Retry-After itself.

const readiness = vi.fn<(url: string) => Promise<Response>>();
vi.stubGlobal("fetch", (url: string) => readiness(url));
afterEach(() => readiness.mockReset());

const get = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} }));
const databaseDown = () => readiness.mockResolvedValue(new Response("{}", { status: 503 }));

describe("pages that need the database, while it is down", () => {
  it.each(["/projects", "/projects/abc", "/projects/abc/revisions/2", "/projects/abc/compare?a=1&b=2"])(
    "a signed-in user's %s is a 503 page with Retry-After",
    async (path) => {
      databaseDown();
      for (const cookie of ["authjs.session-token=t", "__Secure-authjs.session-token=t"]) {
        const res = await get(path, cookie);
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("10");
        expect(res.headers.get("content-type")).toContain("text/html");
        expect(await res.text()).toContain("temporarily unavailable");
      }
      expect(readiness).toHaveBeenCalledWith(expect.stringMatching(/\/api\/ready\?only=db$/));
    },
  );

  it("a shared page is a 503 page too", async () => {
    databaseDown();
    expect((await get("/s/some-token")).status).toBe(503);
  });

  it("pages without a session (they redirect to sign-in) and other pages are not probed", async () => {
    databaseDown();
    for (const [path, cookie] of [
      ["/projects", undefined],
      ["/assess", "authjs.session-token=t"],
      ["/", undefined],
    ] as const) {
      expect((await get(path, cookie)).status, path).toBe(200);
    }
    expect(readiness).not.toHaveBeenCalled();
  });

  it("with the database up, the page renders as usual", async () => {
    readiness.mockResolvedValue(new Response("{}", { status: 200 }));
    const res = await get("/projects", "authjs.session-token=t");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});

// Issue #25: the CSP allowed 'unsafe-inline' scripts everywhere.
describe("Content-Security-Policy", () => {
  const scriptSrc = (csp: string | null) => csp?.split("; ").find((d) => d.startsWith("script-src")) ?? "";

  it.each(["/assess", "/assess/result", "/projects", "/signin", "/s/some-token", "/check-email"])(
    "a page rendered per request (%s) gets a fresh script nonce and no 'unsafe-inline' scripts; Next.js is handed the same nonce",
    async (path) => {
      readiness.mockResolvedValue(new Response("{}", { status: 200 }));
      const [a, b] = [await get(path), await get(path)];
      const policy = a.headers.get("content-security-policy");
      expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'$/);
      expect(scriptSrc(policy)).not.toContain("unsafe-inline");
      expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      expect(b.headers.get("content-security-policy")).not.toBe(policy);
    },
  );

  it("prerendered pages (built once, no per-request nonce) keep 'unsafe-inline' scripts; the rest of the policy is the same", async () => {
    for (const path of ["/", "/catalog", "/report/print"]) {
      const policy = (await get(path)).headers.get("content-security-policy")!;
      expect(scriptSrc(policy)).toBe("script-src 'self' 'unsafe-inline'");
      for (const d of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"])
        expect(policy).toContain(d);
      expect(policy).not.toContain("unsafe-eval");
    }
  });

  it("a caller's own CSP header never reaches Next.js as the nonce source", async () => {
    const res = await proxy(
      new NextRequest("http://127.0.0.1:3000/signin", {
        headers: { "content-security-policy": "script-src 'nonce-attacker'" },
      }),
    );
    expect(res.headers.get("x-middleware-request-content-security-policy")).not.toContain("attacker");
  });
});

// Issue #25: bodiless writes rested on the route wrapper alone, and the /signin server action
// took Sec-Fetch-Site: cross-site without Origin and answered a cross-origin request with 500.
describe("one same-origin rule for every state change", () => {
  const send = (method: string, path: string, headers: Record<string, string>) =>
    proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method, headers }));
  const SELF = "http://localhost:3000"; // NextRequest names loopback localhost; without AUTH_URL that is the origin

  it.each([
    ["POST", "/signin", { "next-action": "abc", "sec-fetch-site": "cross-site" }],
    ["POST", "/signin", { "next-action": "abc", origin: "https://evil.example" }],
    ["POST", "/api/projects/p1/duplicate", { origin: "https://evil.example" }],
    ["POST", "/api/projects/p1/duplicate", { "sec-fetch-site": "same-site" }],
    ["DELETE", "/api/projects/p1", { "sec-fetch-site": "cross-site" }],
    ["DELETE", "/api/projects/p1", { origin: "null" }],
    ["PATCH", "/api/share-links/l1", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["POST", "/api/auth/signout", { origin: "https://evil.example" }],
  ])("%s %s with %o is a 403 in the app's error shape", async (method, path, headers) => {
    const res = await send(method, path, headers);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden", message: "Cross-origin requests may not change data." });
  });

  it.each([
    ["POST", "/signin", { "next-action": "abc", origin: SELF, "sec-fetch-site": "same-origin" }],
    ["DELETE", "/api/projects/p1", { origin: SELF }],
    ["POST", "/api/projects/p1/duplicate", {}], // no browser (curl, a server): nothing to forge
    ["POST", "/api/v1/evaluate", { origin: "https://other-app.example" }], // the public API decides per route
    ["GET", "/projects", { "sec-fetch-site": "cross-site" }], // a link from elsewhere is fine
  ])("%s %s with %o passes on", async (method, path, headers) => {
    expect((await send(method, path, headers)).status).toBe(200);
  });
});
