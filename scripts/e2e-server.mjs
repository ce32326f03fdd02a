#!/usr/bin/env node
// Serves the production build for Playwright on a fresh, migrated database that is dropped on exit,
// the way it runs in production: behind a reverse proxy.
//
//   browser ──► http://localhost:<port>  (this script's proxy; AUTH_URL)
//                 │ Host rewritten to the internal address, X-Forwarded-Host/-Proto/-For added
//                 ▼
//               next start on 127.0.0.1:<port + 10000>  (INTERNAL_URL; Chromium for PDFs uses it)
//
// So the app is tested with AUTH_URL different from the host it listens on (issue #14): links,
// callbacks and cookies must follow AUTH_URL, not the Host header. Rate-limit counters live in
// the machine's Redis when it answers (REDIS_URL, default redis://127.0.0.1:6379) under a prefix
// unique to this run. NEXT_DIST_DIR, RATE_LIMITS and RATE_LIMIT_* pass through from the caller.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";

const port = Number(process.argv[2] ?? "3100");
const internalPort = Number(process.env.E2E_INTERNAL_PORT ?? port + 10000);
const require = createRequire(import.meta.url);
const { register } = require("tsx/cjs/api");
register();
const { createMigratedDatabase, dropDatabase } = require("../test/databases.ts");

const { name, url } = await createMigratedDatabase("rentorown_e2e");
console.log(`[e2e] database ${name} ready`);
// Tests that must set up state a user cannot create through the UI (e.g. a project saved on an
// older catalog) find the database here.
fs.mkdirSync("e2e/output", { recursive: true });
fs.writeFileSync(`e2e/output/e2e-db-url-${port}.txt`, url);

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const redisUp = await reachable(new URL(redisUrl));
console.log(`[e2e] rate limits: ${redisUp ? `Redis at ${redisUrl}` : "in-process (Redis not reachable)"}`);

const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(internalPort), "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-000000",
    AUTH_URL: `http://localhost:${port}`,
    INTERNAL_URL: `http://127.0.0.1:${internalPort}`,
    // Sign-in links land in the outbox table; tests read them from /dev/outbox on INTERNAL_URL only.
    ENABLE_DEV_OUTBOX: "true",
    DEV_OUTBOX_TEST_ONLY: "true",
    // Functional tests, no latency goal: PDFs print at normal priority so a busy CI box does not time them out (the bench measures the niced default).
    PDF_CHROMIUM_NICE: process.env.PDF_CHROMIUM_NICE ?? "0",
    ...(redisUp ? { REDIS_URL: redisUrl } : {}),
    RATE_LIMIT_PREFIX: `e2e-${name}`,
    // Two proxies' worth of X-Forwarded-For: tests may act as distinct clients by sending one.
    TRUSTED_PROXY_HOPS: "2",
    // Every spec signs in from this one machine: the per-IP sign-in budget is sized for the suite
    // (the per-address limit keeps its default and is what the flood test exercises).
    RATE_LIMIT_SIGNIN_IP: process.env.RATE_LIMIT_SIGNIN_IP ?? "1000/900",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  },
});

// The reverse proxy: rewrites Host to the internal address (as many proxies do) and says where
// the request really came from in X-Forwarded-*.
const proxy = http.createServer((req, res) => {
  const headers = { ...req.headers };
  headers["x-forwarded-host"] = req.headers.host ?? `localhost:${port}`;
  headers["x-forwarded-proto"] = req.headers["x-forwarded-proto"] ?? "http";
  const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${peer}` : peer;
  headers.host = `127.0.0.1:${internalPort}`;
  const upstream = http.request(
    { host: "127.0.0.1", port: internalPort, method: req.method, path: req.url, headers },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.rawHeaders);
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("bad gateway");
  });
  // A client that goes away closes the upstream request too (the app sees the disconnect).
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
});
proxy.keepAliveTimeout = 5_000;
proxy.listen(port, () => console.log(`[e2e] proxy http://localhost:${port} → http://127.0.0.1:${internalPort}`));

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  proxy.close();
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase(name).catch((e) => console.error(`[e2e] could not drop ${name}: ${e.message}`));
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void stop(0));
child.on("exit", (code) => void stop(code ?? 0));

function reachable(u) {
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 6379), u.hostname);
    s.setTimeout(1_000, () => (s.destroy(), resolve(false)));
    s.once("connect", () => (s.end(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}
