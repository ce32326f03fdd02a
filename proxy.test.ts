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
    for (const [path, cookie] of [["/projects", undefined], ["/assess", "authjs.session-token=t"], ["/", undefined]] as const) {
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
      for (const d of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(policy).toContain(d);
      expect(policy).not.toContain("unsafe-eval");
    }
  });

  it("a caller's own CSP header never reaches Next.js as the nonce source", async () => {
    const res = await proxy(new NextRequest("http://127.0.0.1:3000/signin", { headers: { "content-security-policy": "script-src 'nonce-attacker'" } }));
    expect(res.headers.get("x-middleware-request-content-security-policy")).not.toContain("attacker");
  });
});
