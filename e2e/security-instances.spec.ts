import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { PROFILES } from "@/test/fixtures/profiles";
import { startCuttableProxy, type CuttableProxy } from "@/test/cuttable-proxy";
import { createMigratedDatabase, dropDatabase } from "@/test/databases";

// Issue #14, "stateless instances" and "behind a TLS proxy": two `next start` processes (A on
// 3141, B on 3142) share one PostgreSQL and one Redis; the public URL is https://rentorown.test
// (AUTH_URL), which is neither instance's listening address, and requests arrive as a TLS proxy
// forwards them (X-Forwarded-Proto: https). B reaches PostgreSQL through a TCP proxy this test
// cuts and restores while B keeps running.

const PUBLIC = "https://rentorown.test";
const A = `http://127.0.0.1:${process.env.E2E_INSTANCE_A_PORT ?? 3141}`;
const B = `http://127.0.0.1:${process.env.E2E_INSTANCE_B_PORT ?? 3142}`;
const PROXIED = { "x-forwarded-proto": "https", "x-forwarded-host": "rentorown.test" };

let db: { name: string; url: string };
let dbProxy: CuttableProxy;
const servers: ChildProcess[] = [];
const logs = new Map<number, string>();
const jar = new Map<string, string>();

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

function remember(res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function call(
  base: string,
  p: string,
  init: { method?: string; json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...PROXIED, cookie: cookieHeader(), ...init.headers };
  let body: string | undefined;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  } else if (init.form) {
    body = new URLSearchParams(init.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  if (init.method && init.method !== "GET") headers.origin = PUBLIC;
  const res = await fetch(`${base}${p}`, { method: init.method ?? "GET", headers, body, redirect: "manual" });
  remember(res);
  return res;
}

async function askForSignIn(base: string, email: string) {
  const { csrfToken } = (await (await call(base, "/api/auth/csrf")).json()) as { csrfToken: string };
  return call(base, "/api/auth/signin/nodemailer", {
    method: "POST",
    form: { email, csrfToken, callbackUrl: `${PUBLIC}/projects` },
  });
}

async function latestLink(email: string): Promise<URL> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT text FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    );
    const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(rows[0]?.text ?? "")?.[0];
    expect(link, "a sign-in link in the outbox").toBeTruthy();
    return new URL(link!);
  } finally {
    await client.end();
  }
}

function start(port: number, databaseUrl: string, vars: Record<string, string> = {}) {
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_STATEMENT_TIMEOUT_MS: "2000",
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      AUTH_SECRET: "two-instance-test-secret-00000000000000",
      AUTH_URL: PUBLIC,
      INTERNAL_URL: `http://127.0.0.1:${port}`,
      ENABLE_DEV_OUTBOX: "true",
      DEV_OUTBOX_TEST_ONLY: "true",
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      RATE_LIMIT_PREFIX: `instances-${db.name}`,
      RATE_LIMIT_SIGNIN_EMAIL: "3/900",
      TRUSTED_PROXY_HOPS: "1",
      LOG_LEVEL: "info",
      NEXT_TELEMETRY_DISABLED: "1",
      // Functional tests, no latency goal: PDFs print at normal priority so a busy machine does not time them out (as scripts/e2e-server.mjs).
      PDF_CHROMIUM_NICE: process.env.PDF_CHROMIUM_NICE ?? "0",
      ...vars,
    },
  });
  logs.set(port, "");
  child.stdout!.on("data", (d) => logs.set(port, logs.get(port) + String(d)));
  servers.push(child);
}

async function waitUp(base: string) {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/ready`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become ready`);
}

test.beforeAll(async () => {
  db = await createMigratedDatabase("rentorown_instances");
  const target = new URL(db.url);
  dbProxy = await startCuttableProxy(target.hostname, Number(target.port || 5432));
  start(Number(new URL(A).port), db.url);
  start(Number(new URL(B).port), dbProxy.url(db.url));
  await Promise.all([waitUp(A), waitUp(B)]);
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 800));
  await dbProxy?.close();
  if (db) await dropDatabase(db.name).catch(() => {});
});

let projectId = "";
let sharePath = "";

test("a sign-in started on A and finished on B follows AUTH_URL, keeps callbackUrl and sets a Secure cookie", async () => {
  const email = `instances-${Date.now()}@example.com`;
  const asked = await askForSignIn(A, email);
  expect(asked.status).toBe(302);
  const link = await latestLink(email);
  expect(link.origin).toBe(PUBLIC); // not 127.0.0.1:3141, whatever Host the instance saw
  const callback = await call(B, `${link.pathname}${link.search}`);
  expect(callback.status).toBe(302);
  expect(callback.headers.get("location")).toBe(`${PUBLIC}/projects`);
  const session = callback.headers.getSetCookie().find((c) => c.startsWith("__Secure-authjs.session-token="));
  expect(session, "a __Secure- session cookie").toBeTruthy();
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  // The session made through B works on A and on B (it lives in PostgreSQL, not in a process).
  for (const base of [A, B]) {
    const res = await call(base, "/api/projects");
    expect(res.status, base).toBe(200);
  }
});

test("a share link created on A opens on B, with the public URL", async () => {
  const created = await call(A, "/api/projects", {
    method: "POST",
    json: { name: "Two instances", input: PROFILES.earlyPrototype },
  });
  expect(created.status).toBe(201);
  projectId = ((await created.json()) as { project: { id: string } }).project.id;
  const link = await call(A, `/api/projects/${projectId}/share-links`, { method: "POST", json: {} });
  expect(link.status).toBe(201);
  const url = new URL(((await link.json()) as { url: string }).url);
  expect(url.origin).toBe(PUBLIC); // never the internal origin
  sharePath = url.pathname;
  const shared = await call(B, sharePath);
  expect(shared.status).toBe(200);
  expect(await shared.text()).toContain("Two instances");
});

test("a PDF requested on B behind a TLS proxy renders (Chromium uses B's internal origin)", async () => {
  const res = await call(B, `/api/projects/${projectId}/revisions/1/pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(
    Buffer.from(await res.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
});

test("a PDF whose client goes away mid-render is abandoned at once, not rendered to the end", async () => {
  const port = Number(new URL(B).port);
  const before = (logs.get(port)!.match(/pdf render abandoned/g) ?? []).length;
  const controller = new AbortController();
  const pending = fetch(`${B}/api/projects/${projectId}/revisions/1/pdf`, {
    headers: { ...PROXIED, cookie: cookieHeader() },
    signal: controller.signal,
  }).catch((e) => e);
  // Abort once the render has started (the log says so when it is abandoned, or renders).
  await new Promise((r) => setTimeout(r, 700));
  controller.abort();
  await pending;
  await expect
    .poll(() => (logs.get(port)!.match(/pdf render abandoned/g) ?? []).length, { timeout: 15_000 })
    .toBe(before + 1);
  // And the slot is free again: the next export renders.
  const res = await call(B, `/api/projects/${projectId}/revisions/1/pdf`);
  expect(res.status).toBe(200);
});

test("every log line of a request carries its id, and no token or full e-mail address is logged", async () => {
  const res = await call(A, "/api/projects", { headers: { "x-request-id": "trace-abc-123456" } });
  expect(res.headers.get("x-request-id")).toBe("trace-abc-123456");
  const tagged = () =>
    [...logs.values()]
      .join("\n")
      .split("\n")
      .filter((l) => l.includes("trace-abc-123456"));
  await expect.poll(() => tagged().length, { timeout: 10_000 }).toBeGreaterThan(0);
  const all = [...logs.values()].join("\n");
  const lines = tagged();
  for (const l of lines) expect(JSON.parse(l).reqId).toBe("trace-abc-123456");
  expect(all).not.toMatch(/instances-\d+@example\.com/); // e-mails appear masked (in***@example.com)
  for (const [name, value] of jar) if (name.includes("session-token")) expect(all).not.toContain(value);
});

test("a rate limit counts across both instances (Redis)", async () => {
  const email = `limit-${Date.now()}@example.com`;
  const statuses = [];
  for (const base of [A, B, A, B]) statuses.push((await askForSignIn(base, email)).status);
  expect(statuses).toEqual([302, 302, 302, 429]); // RATE_LIMIT_SIGNIN_EMAIL=3/900 for these instances
});

test("with B's database cut, B answers 503 (never 401/500) while A serves; B recovers without a restart", async () => {
  await dbProxy.refuse();
  try {
    const api = await call(B, "/api/projects");
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBeTruthy();
    const page = await call(B, sharePath);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBeTruthy();
    // Issue #25: a signed-in page was a 500 and the session endpoint said "signed out" (200 null).
    const projects = await call(B, "/projects");
    expect(projects.status).toBe(503);
    expect(projects.headers.get("retry-after")).toBeTruthy();
    expect(await projects.text()).toContain("temporarily unavailable");
    const session = await call(B, "/api/auth/session");
    expect(session.status).toBe(503);
    expect(session.headers.get("retry-after")).toBeTruthy();
    expect((await call(B, "/api/ready")).status).toBe(503);
    expect((await call(B, "/api/health")).status).toBe(200);
    expect((await call(A, "/api/projects")).status).toBe(200);
  } finally {
    await dbProxy.restore();
  }
  let status = 0;
  for (let i = 0; i < 40 && status !== 200; i++) {
    status = (await call(B, "/api/projects")).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe(200);
  expect((await call(B, sharePath)).status).toBe(200);
});

// Issue #25: TRUSTED_PROXY_HOPS=0 was forced to 1, so an instance exposed directly took each
// client's own X-Forwarded-For as its address: a new one per request dodged the per-IP limit.
test("TRUSTED_PROXY_HOPS=0: the per-IP limit counts the socket address, whatever X-Forwarded-For says", async () => {
  const port = Number(process.env.E2E_INSTANCE_C_PORT ?? 3144);
  const C = `http://127.0.0.1:${port}`;
  start(port, db.url, {
    TRUSTED_PROXY_HOPS: "0",
    RATE_LIMIT_SIGNIN_IP: "2/900",
    RATE_LIMIT_PREFIX: `hops0-${db.name}`,
  });
  await waitUp(C);
  const statuses = [];
  for (let i = 0; i < 3; i++) {
    const email = `hops0-${i}-${Date.now()}@example.com`;
    const { csrfToken } = (await (await call(C, "/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await call(C, "/api/auth/signin/nodemailer", {
      method: "POST",
      form: { email, csrfToken },
      headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
    });
    statuses.push(res.status);
  }
  expect(statuses).toEqual([302, 302, 429]);
});

for (const [what, vars, message] of [
  ["without AUTH_SECRET", { AUTH_SECRET: "" }, "AUTH_SECRET: required in production"],
  // Issue #25: these three started.
  ["without DATABASE_URL", { DATABASE_URL: "" }, "DATABASE_URL: required in production"],
  ["with an ftp:// AUTH_URL", { AUTH_URL: "ftp://rentorown.test" }, "AUTH_URL: must be an http:// or https:// URL"],
  [
    "with ENABLE_DEV_OUTBOX but not DEV_OUTBOX_TEST_ONLY",
    { DEV_OUTBOX_TEST_ONLY: "" },
    "ENABLE_DEV_OUTBOX: refused under NODE_ENV=production",
  ],
] as const) {
  test(`production ${what} refuses to start, naming the variable`, async () => {
    const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", "3143", "-H", "127.0.0.1"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: db.url,
        AUTH_SECRET: "two-instance-test-secret-00000000000000",
        AUTH_URL: PUBLIC,
        ENABLE_DEV_OUTBOX: "true",
        DEV_OUTBOX_TEST_ONLY: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        ...(vars as Record<string, string>),
      },
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => (child.kill("SIGKILL"), resolve(null)), 30_000);
      child.on("exit", (c) => (clearTimeout(t), resolve(c)));
    });
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toContain(message);
  });
}
