// The web server under load (issues #14, #22), one run against `next start` of the production build
// (`npm run build` first; NEXT_DIST_DIR is honoured) with RATE_LIMITS=off on a throw-away database:
// - GET /api/health (a trivial route of the same server) and POST /api/v1/evaluate at 1 and
//   BENCH_CONNECTIONS (50) connections, evaluate cycling through 200 DISTINCT realistic bodies with
//   the evaluation cache off (ENGINE_CACHE_MAX_ENTRIES=0), so every request is evaluated;
// - GET /api/health at 1 connection during an evaluate flood (what a load balancer's probe sees);
// - POST /api/v1/portfolio (3 workloads, 200 distinct portfolios) likewise;
// - evaluate during a burst of 40 concurrent PDF exports (bounded queue: 200, or 503/429 with
//   Retry-After, never 500); BENCH_PDF=0 skips it.
// Then the issue's targets against what was measured. Prints figures; asserts nothing about timings.
// Distinct bodies: test/fixtures/distinct-inputs.ts. `BENCH_SERVER_URL=http://…` measures a server
// already running instead (its cache setting is then its own).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigratedDatabase, dropDatabase } from "../../test/databases";
import { distinctAssessments, distinctPortfolios } from "../../test/fixtures/distinct-inputs";
import { PROFILES } from "../../test/fixtures/profiles";
import { percentile } from "./_stats";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const external = process.env.BENCH_SERVER_URL;
if (!external && !fs.existsSync(`${distDir}/BUILD_ID`)) {
  console.log("server: skipped (no production build; run `npm run build` first)");
  process.exit(0);
}
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const port = Number(process.env.BENCH_SERVER_PORT ?? 3192);
const base = external ?? `http://127.0.0.1:${port}`;
// Node's fetch keeps connections alive and opens as many as there are requests in flight; it sends
// Accept-Encoding: gzip, deflate, br and decodes, as a typical API client does.

const cycle = (bodies: string[]) => {
  let i = 0;
  return () => bodies[i++ % bodies.length]!;
};
const assessments = distinctAssessments(200).map((b) => JSON.stringify(b));
const portfolios = distinctPortfolios(200, 3).map((b) => JSON.stringify(b));
const nextAssessment = cycle(assessments);
const nextPortfolio = cycle(portfolios);
const post = (route: string, body: string) =>
  fetch(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body });
const evaluate = () => post("/api/v1/evaluate", nextAssessment());
const portfolio = () => post("/api/v1/portfolio", nextPortfolio());
const health = () => fetch(`${base}/api/health`);

type Load = {
  requests: number;
  errors: number;
  fiveXx: number;
  cacheHits: number;
  seconds: number;
  samples: number[];
  statuses: Map<number, number>;
};

/** `connections` loops issuing `call` back to back until `until()` says stop. */
async function load(call: () => Promise<Response>, connections: number, until: () => boolean): Promise<Load> {
  const samples: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let fiveXx = 0;
  let cacheHits = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!until()) {
        const t = performance.now();
        try {
          const res = await call();
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (!res.ok) errors++;
          if (res.status >= 500) fiveXx++;
          if (res.headers.get("x-engine-cache") === "hit") cacheHits++;
        } catch {
          errors++;
        }
        samples.push(performance.now() - t);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors,
    fiveXx,
    cacheHits,
    seconds: (performance.now() - t0) / 1000,
    samples,
    statuses,
  };
}

const rate = (l: Load) => l.requests / l.seconds;
const p50 = (l: Load) => percentile(l.samples, 50);
const p99 = (l: Load) => percentile(l.samples, 99);

function print(label: string, l: Load) {
  const f = (n: number) => n.toFixed(1);
  const other = [...l.statuses].filter(([s]) => s !== 200).map(([s, n]) => `${n}×${s}`);
  console.log(
    `${label.padEnd(58)} ${f(rate(l)).padStart(7)} req/s  p50=${f(p50(l))} ms  p99=${f(p99(l))} ms  errors=${l.errors}${other.length ? ` [${other.join(" ")}]` : ""}  cache hits=${l.cacheHits}  (n=${l.requests})`,
  );
}

const forSeconds = (s: number) => {
  const end = performance.now() + s * 1000;
  return () => performance.now() >= end;
};

const db = external ? undefined : await createMigratedDatabase("rentorown_bench_server");
const server: ChildProcess | undefined = db
  ? spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
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
        // Every request evaluated: the 200 bodies repeat over a run, and a cache would answer the repeats.
        ENGINE_CACHE_MAX_ENTRIES: "0",
      },
    })
  : undefined;
try {
  for (let i = 0; i < 120; i++) {
    if (
      await health()
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // Other work on the machine moves these figures a lot (2 cores): say how busy it was.
  const machineLoad = () =>
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.availableParallelism()} cores`;
  console.log(
    `server: ${external ? "external" : "next start"} on ${base}, ${CONNECTIONS} connections, ${SECONDS} s per run, rate limits off, evaluation cache off; ${machineLoad()}`,
  );
  await load(evaluate, 4, forSeconds(2)); // warm-up (JIT, catalog, worker threads)
  await load(portfolio, 4, forSeconds(2));
  await load(health, 4, forSeconds(1));
  const healthOne = await load(health, 1, forSeconds(SECONDS / 2));
  print("GET /api/health, 1 connection", healthOne);
  const healthMany = await load(health, CONNECTIONS, forSeconds(SECONDS));
  print(`GET /api/health, ${CONNECTIONS} connections`, healthMany);
  const evalOne = await load(evaluate, 1, forSeconds(SECONDS / 2));
  print("POST /api/v1/evaluate (200 distinct bodies), 1 connection", evalOne);
  const evalMany = await load(evaluate, CONNECTIONS, forSeconds(SECONDS));
  print(`POST /api/v1/evaluate (200 distinct bodies), ${CONNECTIONS} conn.`, evalMany);
  // A load balancer's probe (1 connection) while evaluate runs flat out.
  let flooding = true;
  const [, healthDuringFlood] = await Promise.all([
    load(evaluate, CONNECTIONS, () => !flooding),
    load(health, 1, forSeconds(SECONDS)).then((r) => {
      flooding = false;
      return r;
    }),
  ]);
  print(`GET /api/health, 1 conn., during an evaluate flood (${CONNECTIONS} conn.)`, healthDuringFlood);
  const portOne = await load(portfolio, 1, forSeconds(SECONDS / 2));
  print("POST /api/v1/portfolio (3 workloads, 200 distinct), 1 connection", portOne);
  const portMany = await load(portfolio, CONNECTIONS, forSeconds(SECONDS));
  print(`POST /api/v1/portfolio (3 workloads, 200 distinct), ${CONNECTIONS} conn.`, portMany);
  // The response sizes on the wire, default shape (what the contract's v1.2 section documents).
  const sizes = async (route: string, body: string, query = "") => {
    const res = await fetch(`${base}${route}${query}`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": "identity" },
      body,
    });
    const plain = (await res.arrayBuffer()).byteLength;
    return `${(plain / 1024).toFixed(1)} kB`;
  };
  console.log(
    `response size (identity): evaluate ${await sizes("/api/v1/evaluate", assessments[0]!)} (include=all&precision=full: ${await sizes("/api/v1/evaluate", assessments[0]!, "?include=all&precision=full")}), portfolio(3) ${await sizes("/api/v1/portfolio", portfolios[0]!)}`,
  );

  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const anyFiveXx = [healthOne, healthMany, evalOne, evalMany, healthDuringFlood, portOne, portMany].reduce(
    (n, l) => n + l.fiveXx,
    0,
  );
  console.log("targets (issue #22):");
  console.log(
    `  evaluate req/s ≥ 0.5× health at ${CONNECTIONS} conn.: ${ratio(rate(evalMany), rate(healthMany))}× — ${verdict(rate(evalMany) >= 0.5 * rate(healthMany))}`,
  );
  console.log(
    `  evaluate p99 ≤ 3× health p99 at ${CONNECTIONS} conn.: ${ratio(p99(evalMany), p99(healthMany))}× — ${verdict(p99(evalMany) <= 3 * p99(healthMany))}`,
  );
  console.log(
    `  health p99 during the flood ≤ 2× its baseline (1 conn.): ${ratio(p99(healthDuringFlood), p99(healthOne))}× — ${verdict(p99(healthDuringFlood) <= 2 * p99(healthOne))}`,
  );
  console.log(
    `  portfolio (3) req/s ≥ 0.25× health at ${CONNECTIONS} conn.: ${ratio(rate(portMany), rate(healthMany))}× — ${verdict(rate(portMany) >= 0.25 * rate(healthMany))}`,
  );
  console.log(`  no 5xx: ${anyFiveXx} — ${verdict(anyFiveXx === 0)}`);
  // 40 concurrent PDF exports while evaluate keeps running: once under 50 connections, once
  // with a single client probing (what one user of the API sees during the burst).
  const pdfBody = JSON.stringify({ input: PROFILES.earlyPrototype, title: "Burst" });
  const exportPdf = () =>
    fetch(`${base}/api/report/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: pdfBody });
  const withPdf = process.env.BENCH_PDF !== "0";
  if (withPdf) await (await exportPdf()).arrayBuffer(); // Chromium launched and warm
  for (const connections of withPdf ? [CONNECTIONS, 1] : []) {
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
  if (server) process.kill(-server.pid!, "SIGTERM");
  await new Promise((r) => setTimeout(r, 800));
  if (db) await dropDatabase(db.name).catch(() => {});
}
