import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { encodeAnswers } from "@/lib/assessment/url-state";
import { PROFILES } from "@/test/fixtures/profiles";
import { newEmail, outboxUrl, signIn } from "./helpers/auth";

// Issue #14 against the production build behind scripts/e2e-server.mjs's reverse proxy
// (AUTH_URL = http://localhost:<port>, next start on another, internal port).

const PORT = Number(process.env.E2E_PORT ?? 3100);
const AUTH_URL = `http://localhost:${PORT}`;

/** Asks for a sign-in e-mail the way Auth.js's own form does (CSRF token + form POST). */
async function requestSignInMail(request: APIRequestContext, email: string, headers: Record<string, string> = {}) {
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  return request.post("/api/auth/signin/nodemailer", {
    form: { email, csrfToken, callbackUrl: "/projects" },
    headers,
    maxRedirects: 0,
  });
}

/** The sign-in links the outbox holds for `email`, newest first. */
async function outboxLinks(request: APIRequestContext, email: string): Promise<string[]> {
  const html = await (await request.get(outboxUrl(email))).text();
  return [...html.matchAll(/href="([^"]*\/api\/auth\/callback\/nodemailer[^"]*)"/g)].map((m) =>
    m[1]!.replaceAll("&amp;", "&"),
  );
}

test.describe("auth (findings 1-4)", () => {
  test("the outbox, with live sign-in links, is never served through the public origin (issue #25)", async ({
    request,
  }) => {
    const email = newEmail("takeover");
    expect((await requestSignInMail(request, email)).status()).toBeLessThan(400);
    // The attack: ask for someone's link, then read it from the outbox through the public URL.
    for (const headers of [
      {} as Record<string, string>,
      { "x-forwarded-host": `127.0.0.1:${PORT + 10000}`, "x-forwarded-for": "127.0.0.1" },
    ]) {
      const res = await request.get(`/dev/outbox?to=${encodeURIComponent(email)}`, { headers });
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toContain("/api/auth/callback/nodemailer");
    }
    // The test suite itself reads it on the internal origin.
    expect(await outboxLinks(request, email)).toHaveLength(1);
  });

  test("a sign-in asked for with Host: evil.example mails a link to AUTH_URL only", async ({ request }) => {
    const email = newEmail("host");
    const res = await requestSignInMail(request, email, { host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(res.status()).toBeLessThan(400);
    const [link] = await outboxLinks(request, email);
    expect(link).toBeTruthy();
    expect(new URL(link!).origin).toBe(AUTH_URL);
    expect(link).not.toContain("evil.example");
    expect(link).not.toContain(`:${PORT + 10000}`); // never the internal listening address
  });

  test("the magic link, the callback and callbackUrl all follow AUTH_URL behind the proxy; the session endpoint hides the token", async ({
    page,
  }) => {
    const email = newEmail("proxy");
    await signIn(page, email, "/assess");
    // callbackUrl survived the round trip (the callback-url cookie is read under the right name).
    await expect(page).toHaveURL(`${AUTH_URL}/assess`);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ domain: "localhost", httpOnly: true, sameSite: "Lax" });

    const body = await (await page.request.get("/api/auth/session")).json();
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "image", "name"]);
    expect(body.user.email).toBe(email);
    expect(JSON.stringify(body)).not.toContain(session!.value);
  });

  test("asking again invalidates the earlier link: one live link per address", async ({ page }) => {
    const email = newEmail("relink");
    await requestSignInMail(page.request, email);
    await requestSignInMail(page.request, email);
    const [newest, older] = await outboxLinks(page.request, email);
    await page.goto(older!);
    await expect(page).toHaveURL(/\/signin\?.*error=/);
    await page.goto(newest!);
    await expect(page).toHaveURL(/\/projects$/);
  });

  test("the redirect after sign-in stays on site for every hostile callbackUrl, and never 500s", async ({ page }) => {
    await signIn(page, newEmail("redirects"));
    for (const value of [
      "/%5Cevil.example/phish",
      "/%5C%5Cevil.example",
      "/%09/evil.example",
      "/%0D%0ALocation:%20https://evil.example",
      "https%3A%2F%2Fevil.example%2Fsteal",
      "//evil.example/steal",
      "/\\evil.example/phish",
      "javascript:alert(1)",
    ]) {
      const res = await page.goto(`/signin?callbackUrl=${value}`);
      expect(res?.status(), value).toBeLessThan(500);
      expect(new URL(page.url()).origin, value).toBe(AUTH_URL);
      expect(new URL(page.url()).pathname, value).toBe("/projects");
    }
  });
});

test.describe("throttling (findings 5, 6)", () => {
  test("a sign-in flood for one address gets 429 with Retry-After; other addresses are unaffected", async ({
    request,
  }) => {
    const email = newEmail("flood");
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await requestSignInMail(request, email, { "x-forwarded-for": "10.66.0.1" });
      statuses.push(res.status());
      if (res.status() === 429) retryAfter = res.headers()["retry-after"];
    }
    // RATE_LIMIT_SIGNIN_EMAIL defaults to 5 per 15 minutes.
    expect(statuses.slice(0, 5).every((s) => s < 400)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(
      (await requestSignInMail(request, newEmail("other"), { "x-forwarded-for": "10.66.0.1" })).status(),
    ).toBeLessThan(400);
  });

  test("a duplicated email field cannot send the victim more mail than the per-address limit (issue #25)", async ({
    request,
  }) => {
    const victim = newEmail("victim");
    for (let i = 0; i < 5; i++) expect((await requestSignInMail(request, victim)).status()).toBeLessThan(400);
    for (let i = 0; i < 3; i++) {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const body = new URLSearchParams([
        ["email", newEmail("decoy")],
        ["email", victim],
        ["csrfToken", csrfToken],
        ["callbackUrl", "/projects"],
      ]);
      const res = await request.post("/api/auth/signin/nodemailer", {
        data: body.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(400);
    }
    expect(await outboxLinks(request, victim)).toHaveLength(5);
  });

  test("40 concurrent PDF exports: each is a PDF, a 503 or a 429 with Retry-After, never a 500", async ({
    request,
  }) => {
    test.setTimeout(180_000);
    const data = { input: PROFILES.earlyPrototype, title: "Burst" };
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        request
          .post("/api/report/pdf", { data, headers: { "x-forwarded-for": "10.77.0.1" }, timeout: 150_000 })
          .then(async (r) => ({
            status: r.status(),
            retryAfter: r.headers()["retry-after"],
            pdf: r.status() === 200 ? (await r.body()).subarray(0, 5).toString() : undefined,
          })),
      ),
    );
    const count = (s: number) => results.filter((r) => r.status === s).length;
    console.log(`PDF burst: ${count(200)} × 200, ${count(503)} × 503, ${count(429)} × 429`);
    expect(results.every((r) => [200, 429, 503].includes(r.status))).toBe(true);
    expect(count(200)).toBeGreaterThan(0);
    expect(count(429)).toBeGreaterThan(0); // RATE_LIMIT_PDF_IP defaults to 30 per 10 minutes
    for (const r of results) {
      if (r.status === 200) expect(r.pdf).toBe("%PDF-");
      else expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
  });
});

test.describe("request guards (finding 7)", () => {
  test("a same-site, cross-origin text/plain POST from another origin cannot create a project", async ({ page }) => {
    await signIn(page, newEmail("csrf"));
    // evil.localhost is another origin on the same site as localhost (Chromium resolves *.localhost
    // to loopback), so the Lax session cookie rides along. The attacker's page (served by the test)
    // auto-submits a text/plain form whose body is valid JSON for POST /api/projects.
    const json = JSON.stringify({ name: "Planted", input: PROFILES.earlyPrototype, pad: "" }).slice(0, -2);
    const attr = (v: string) => v.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
    const html = `<!doctype html><form id="f" method="POST" enctype="text/plain" action="${AUTH_URL}/api/projects"><input name="${attr(json)}" value="${attr('"}')}"></form><script>document.getElementById("f").submit()</script>`;
    await page.route(`http://evil.localhost:${PORT}/attack`, (route) =>
      route.fulfill({ contentType: "text/html", body: html }),
    );
    await page.goto(`http://evil.localhost:${PORT}/attack`);
    await page.waitForURL(`${AUTH_URL}/api/projects`);
    // The request arrived (with the cookie) and was refused.
    expect(await page.textContent("body")).toContain('"error":"forbidden"');
    await page.goto("/projects");
    const list = await (await page.request.get("/api/projects")).json();
    expect(list.projects).toEqual([]);
  });

  test("state-changing API calls need JSON (415) from the same origin (403)", async ({ page }) => {
    await signIn(page, newEmail("guards"));
    const body = JSON.stringify({ name: "x", input: PROFILES.earlyPrototype });
    const textPlain = await page.request.post("/api/projects", {
      data: body,
      headers: { "content-type": "text/plain" },
    });
    expect(textPlain.status()).toBe(415);
    const foreign = await page.request.post("/api/projects", {
      data: body,
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(foreign.status()).toBe(403);
    const sameSite = await page.request.post("/api/projects", {
      data: body,
      headers: {
        "content-type": "application/json",
        origin: `http://evil.localhost:${PORT}`,
        "sec-fetch-site": "same-site",
      },
    });
    expect(sameSite.status()).toBe(403);
    expect((await (await page.request.get("/api/projects")).json()).projects).toEqual([]);
    const ok = await page.request.post("/api/projects", {
      data: body,
      headers: { "content-type": "application/json", origin: AUTH_URL },
    });
    expect(ok.status()).toBe(201);
  });

  // Issue #25: the /signin server action took Sec-Fetch-Site: cross-site without Origin, and a
  // cross-origin one was a 500; bodiless writes had no guard before the route.
  test("every state change, server actions and bodiless writes included, is refused cross-origin with 403, never 500", async ({
    page,
  }) => {
    await signIn(page, newEmail("one-rule"));
    const created = await (
      await page.request.post("/api/projects", { data: { name: "Kept", input: PROFILES.earlyPrototype } })
    ).json();
    const id = created.project.id as string;
    const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
    for (const [method, path, headers] of [
      ["POST", "/signin", { ...action, origin: "https://evil.example" }],
      ["POST", "/signin", { ...action, "sec-fetch-site": "cross-site" }],
      ["POST", `/api/projects/${id}/duplicate`, { "sec-fetch-site": "cross-site" }],
      ["POST", `/api/projects/${id}/duplicate`, { origin: "https://evil.example" }],
      ["DELETE", `/api/projects/${id}`, { "sec-fetch-site": "same-site", origin: `http://evil.localhost:${PORT}` }],
    ] as const) {
      const res = await page.request.fetch(path, {
        method,
        headers,
        data: method === "POST" && path === "/signin" ? "[]" : undefined,
      });
      expect(res.status(), `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
      expect((await res.json()).error).toBe("forbidden");
    }
    const list = (await (await page.request.get("/api/projects")).json()).projects as Array<{ id: string }>;
    expect(list.map((p) => p.id)).toEqual([id]); // not duplicated, not deleted
  });

  test("body limits hold on every route, Auth.js's included", async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const big = await request.post("/api/auth/signin/nodemailer", {
      form: { email: "a@example.com", csrfToken, pad: "x".repeat(200_000) },
      maxRedirects: 0,
    });
    expect(big.status()).toBe(413);
    const huge = await request.post("/api/v1/evaluate", {
      data: "x".repeat(2 * 1024 * 1024),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status()).toBe(413);
    const api = await request.post("/api/v1/evaluate", { data: { pad: "x".repeat(100_000) } });
    expect(api.status()).toBe(413);
  });
});

test.describe("security headers (finding 8)", () => {
  function expectSecurityHeaders(h: Record<string, string>, where: string) {
    const csp = h["content-security-policy"] ?? "";
    expect(csp, where).toContain("default-src 'self'");
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(csp, where).toContain("object-src 'none'");
    expect(csp, where).not.toContain("unsafe-eval");
    expect(h["strict-transport-security"], where).toMatch(/max-age=\d+/);
    expect(h["x-frame-options"], where).toBe("DENY");
    expect(h["x-content-type-options"], where).toBe("nosniff");
    expect(h["permissions-policy"], where).toContain("camera=()");
    expect(h["referrer-policy"], where).toBeTruthy();
    expect(h["x-request-id"], where).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  }

  async function shareLink(page: Page): Promise<string> {
    await signIn(page, newEmail("headers"));
    const created = await (
      await page.request.post("/api/projects", { data: { name: "Headers", input: PROFILES.earlyPrototype } })
    ).json();
    const link = await (
      await page.request.post(`/api/projects/${created.project.id}/share-links`, { data: {} })
    ).json();
    expect(new URL(link.url).origin).toBe(AUTH_URL); // public URL, never the internal origin
    return new URL(link.url).pathname;
  }

  // Issue #25: 'unsafe-inline' scripts were allowed everywhere.
  test("pages rendered per request run only nonce'd inline scripts: an injected one is blocked, the page still hydrates", async ({
    page,
  }) => {
    const injected = () =>
      page.evaluate(() => {
        const s = document.createElement("script");
        s.textContent = "window.__injected = 1";
        document.body.append(s);
        return (window as unknown as { __injected?: number }).__injected ?? null;
      });
    const res = await page.goto("/assess");
    const csp = res!.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[^']+'$/);
    expect(
      await page
        .locator("script:not([src])")
        .evaluateAll((els) => els.every((e) => (e as HTMLScriptElement).nonce !== "")),
    ).toBe(true);
    await expect(page.getByRole("button", { name: "Next" })).toBeVisible(); // hydrated under the nonce
    expect(await injected()).toBeNull();
    // What remains: the prerendered landing page keeps 'unsafe-inline' (README "Production configuration").
    await page.goto("/");
    expect(await injected()).toBe(1);
  });

  test("on pages, API answers and shared pages (no-referrer, noindex); the app works under the CSP", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    for (const path of ["/", "/assess"]) {
      const res = await page.goto(path);
      expectSecurityHeaders(res!.headers(), path);
    }
    const api = await page.request.post("/api/v1/evaluate", { data: PROFILES.earlyPrototype });
    expectSecurityHeaders(api.headers(), "/api/v1/evaluate");
    const sharePath = await shareLink(page);
    const shared = await page.goto(sharePath);
    expect(shared!.status()).toBe(200);
    const h = shared!.headers();
    expectSecurityHeaders(h, "/s/<token>");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-robots-tag"]).toContain("noindex");
    // The result page draws its charts (recharts, fonts, inline styles) under the policy.
    await page.goto(`/assess/result?a=${encodeAnswers(PROFILES.earlyPrototype)}`);
    await expect(page.getByTestId("verdict")).toBeVisible();
    // Charts below the fold load when scrolled to (lazy chunks, also under the CSP).
    await page.getByTestId("charts").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("chart-cost-vs-volume").locator("svg path.recharts-curve").first()).toBeVisible();
    await page.screenshot({ path: "e2e/output/screenshots/security-result-under-csp.png", fullPage: false });
    expect(violations).toEqual([]);
  });
});
