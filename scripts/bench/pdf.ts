// Times PDF report generation end to end (HTTP request → Chromium print → bytes) against the
// production build served on a throw-away database. Needs `npm run build` first.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { PROFILES } from "../../test/fixtures/profiles";
import { measure, report } from "./_stats";

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(`${distDir}/BUILD_ID`)) {
  console.log("pdf: skipped (no production build; run `npm run build` first)");
  process.exit(0);
}
const port = Number(process.env.BENCH_PORT ?? 3190);
const server = spawn("node", ["scripts/e2e-server.mjs", String(port)], { stdio: "ignore", detached: true });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const body = JSON.stringify({ input: PROFILES.veryHighVolumeDedicatedTeam, title: "Benchmark project" });
  const once = async () => {
    const res = await fetch(`${base}/api/report/pdf`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    if (!res.ok) throw new Error(`PDF request failed: ${res.status}`);
    await res.arrayBuffer();
  };
  const t0 = performance.now();
  await once();
  console.log(`pdf: first report (launches Chromium)             ${(performance.now() - t0).toFixed(0)} ms`);
  report("pdf: typical report, warm (POST /api/report/pdf)", await measure(once, 10, 1));
} finally {
  process.kill(-server.pid!, "SIGTERM");
}
