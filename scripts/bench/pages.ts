// Page budget: builds the app, serves the production build on a throw-away database and loads each
// page in Chromium, reporting the JavaScript it transferred (compressed bytes on the wire, as the
// browser counted them) and its Largest Contentful Paint. Budget (issue #15): result ≤ 250 kB,
// assessment ≤ 180 kB. Figures are printed, never asserted.
//
//   npx tsx scripts/bench/pages.ts            # build into .next-bench, then measure
//   BENCH_SKIP_BUILD=1 NEXT_DIST_DIR=.next-x npx tsx scripts/bench/pages.ts   # measure an existing build
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../../lib/chromium.mjs";
import { PROFILES } from "../../test/fixtures/profiles";
import { resultPath } from "../../lib/assessment/url-encode";

const BUDGET_KB: Record<string, number | undefined> = { result: 250, assessment: 180 };
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const distDir = process.env.NEXT_DIST_DIR || ".next-bench";
const port = Number(process.env.BENCH_PORT ?? 3191);
const base = `http://localhost:${port}`;

const PAGES = [
  { name: "landing", path: "/" },
  { name: "assessment", path: "/assess" },
  { name: "result", path: resultPath(PROFILES.sensitiveSliceHybrid) },
  { name: "catalog", path: "/catalog" },
];

const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
if (!process.env.BENCH_SKIP_BUILD) {
  console.log(`pages: building into ${distDir} …`);
  const b = spawnSync("npx", ["next", "build"], { env, stdio: ["ignore", "ignore", "inherit"] });
  if (b.status !== 0) {
    console.error("pages: build failed");
    process.exit(1);
  }
}
if (!fs.existsSync(`${distDir}/BUILD_ID`)) {
  console.log(`pages: skipped (no production build in ${distDir})`);
  process.exit(0);
}
const executablePath = findChromium();
if (!executablePath) {
  console.log("pages: skipped (no Chromium; install Debian's chromium)");
  process.exit(0);
}

const server = spawn("node", ["scripts/e2e-server.mjs", String(port)], { env, stdio: "ignore", detached: true });
const kb = (bytes: number) => bytes / 1024;

/** Loads a page cold (new context, no cache) and returns the script bytes transferred and the LCP. */
async function load(page: Page, path: string, scroll: boolean) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, true>();
  let initial = 0;
  let total = 0;
  let settled = false;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, true);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (!scripts.has(e.requestId)) return;
    total += e.encodedDataLength;
    if (!settled) initial += e.encodedDataLength;
  });
  await page.goto(base + path, { waitUntil: "load" });
  // Link prefetches keep the network busy a while; bounded so a slow machine still gets a figure.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
  // LCP is final once the user interacts; read it before scrolling.
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(NaN), 3000);
      }),
  );
  settled = true;
  if (scroll) {
    // Everything below the fold: scroll to the end and let lazily loaded parts arrive.
    for (let y = 0; y < 20; y++) {
      await page.mouse.wheel(0, 1000);
      await page.waitForTimeout(100);
    }
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
  }
  await cdp.detach();
  return { initial, total, lcp };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  console.log(`pages: ${RUNS} cold loads each, 1280×800, medians (JS = compressed script bytes transferred)`);
  for (const p of PAGES) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      runs.push(await load(page, p.path, true));
      await context.close();
    }
    const initial = kb(median(runs.map((x) => x.initial)));
    const total = kb(median(runs.map((x) => x.total)));
    const lcp = median(runs.map((x) => x.lcp));
    const budget = BUDGET_KB[p.name];
    const verdict =
      budget === undefined ? "" : initial <= budget ? `  within ${budget} kB budget` : `  OVER ${budget} kB budget`;
    console.log(
      `pages: ${p.name.padEnd(11)} JS at load ${initial.toFixed(1).padStart(6)} kB  after scrolling to the end ${total.toFixed(1).padStart(6)} kB  LCP ${lcp.toFixed(0).padStart(5)} ms${verdict}`,
    );
  }
  await browser.close();
} finally {
  process.kill(-server.pid!, "SIGTERM");
}
