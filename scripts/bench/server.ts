// The web server under load (issue #14): POST /api/v1/evaluate beside a trivial route of the same
// server (GET /api/health) at 50 concurrent connections, then evaluate again during a burst of
// 40 concurrent PDF exports (bounded queue: 200, or 503/429 with Retry-After, never 500).
// Serves the production build (`npm run build` first; NEXT_DIST_DIR is honoured) with
// RATE_LIMITS=off on a throw-away database. Prints figures; asserts nothing about timings.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigratedDatabase, dropDatabase } from "../../test/databases";
import { PROFILES } from "../../test/fixtures/profiles";
import { percentile } from "./_stats";

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(`${distDir}/BUILD_ID`)) {
  console.log("server: skipped (no production build; run `npm run build` first)");
  process.exit(0);
}
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const port = Number(process.env.BENCH_SERVER_PORT ?? 3192);
const base = `http://127.0.0.1:${port}`;
// Node's fetch keeps connections alive and opens as many as there are requests in flight.

const evaluateBody = JSON.stringify(PROFILES.veryHighVolumeDedicatedTeam);
const evaluate = () => fetch(`${base}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: evaluateBody });
const health = () => fetch(`${base}/api/health`);

type Load = { requests: number; errors: number; seconds: number; samples: number[] };

/** `connections` loops issuing `call` back to back until `until()` says stop. */
async function load(call: () => Promise<Response>, connections: number, until: () => boolean): Promise<Load> {
  const samples: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!until()) {
        const t = performance.now();
        try {
          const res = await call();
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        samples.push(performance.now() - t);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  return { requests: samples.length, errors, seconds: (performance.now() - t0) / 1000, samples };
}

function print(label: string, l: Load) {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${label.padEnd(52)} ${f(l.requests / l.seconds).padStart(7)} req/s  p50=${f(percentile(l.samples, 50))} ms  p99=${f(percentile(l.samples, 99))} ms  errors=${l.errors}  (n=${l.requests})`,
  );
}

const forSeconds = (s: number) => {
  const end = performance.now() + s * 1000;
  return () => performance.now() >= end;
};

const db = await createMigratedDatabase("rentorown_bench_server");
const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    AUTH_SECRET: "bench-only-secret-0000000000000000",
    AUTH_URL: base,
    ENABLE_DEV_OUTBOX: "true",
    DEV_OUTBOX_TEST_ONLY: "true",
    RATE_LIMITS: "off",
    LOG_LEVEL: "error",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
try {
  for (let i = 0; i < 120; i++) {
    if (await health().then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // Other work on the machine moves these figures a lot (2 cores): say how busy it was.
  const machineLoad = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.availableParallelism()} cores`;
  console.log(`server: next start on ${base}, ${CONNECTIONS} connections, ${SECONDS} s per run, rate limits off; ${machineLoad()}`);
  await load(evaluate, 4, forSeconds(2)); // warm-up (JIT, catalog)
  await load(health, 4, forSeconds(1));
  print("GET /api/health (trivial route)", await load(health, CONNECTIONS, forSeconds(SECONDS)));
  print("POST /api/v1/evaluate", await load(evaluate, CONNECTIONS, forSeconds(SECONDS)));
  print("POST /api/v1/evaluate, 1 connection", await load(evaluate, 1, forSeconds(SECONDS / 2)));

  // 40 concurrent PDF exports while evaluate keeps running: once under 50 connections, once
  // with a single client probing (what one user of the API sees during the burst).
  const pdfBody = JSON.stringify({ input: PROFILES.earlyPrototype, title: "Burst" });
  const exportPdf = () => fetch(`${base}/api/report/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: pdfBody });
  await (await exportPdf()).arrayBuffer(); // Chromium launched and warm
  for (const connections of [CONNECTIONS, 1]) {
    let burstDone = false;
    const t0 = performance.now();
    const burst = Promise.all(
      Array.from({ length: 40 }, async () => {
        const res = await exportPdf().catch(() => undefined);
        if (res) await res.arrayBuffer();
        return { status: res?.status ?? 0, retryAfter: res?.headers.get("retry-after") };
      }),
    ).then((r) => {
      burstDone = true;
      return r;
    });
    const [during, results] = await Promise.all([load(evaluate, connections, () => burstDone), burst]);
    const count = (s: number) => results.filter((r) => r.status === s).length;
    const other = results.filter((r) => ![200, 503, 429, 500].includes(r.status)).map((r) => r.status);
    console.log(
      `PDF burst (evaluate at ${connections} conn.): 40 concurrent exports in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${count(200)} × 200, ${count(503)} × 503 (${results.filter((r) => r.status === 503 && r.retryAfter).length} with Retry-After), ${count(500)} × 500, ${other.length} other${other.length ? ` [${other.join(",")}]` : ""}; ${machineLoad()}`,
    );
    print(`POST /api/v1/evaluate during the burst, ${connections} conn.`, during);
  }
} finally {
  process.kill(-server.pid!, "SIGTERM");
  await new Promise((r) => setTimeout(r, 800));
  await dropDatabase(db.name).catch(() => {});
}
