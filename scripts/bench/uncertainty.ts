// Times the uncertainty Monte Carlo (lib/engine/evaluate-uncertainty.ts): in Node (median wall and CPU
// time per run) and in Chromium (the engine bundled by esbuild and run in a page, as the result page
// does), for 1,000 and 2,000 draws with and without the charts' bands. Budget (issue 23): 1,000 draws
// in under 150 ms in the browser. Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { evaluate } from "../../lib/engine";
import { evaluateUncertainty } from "../../lib/engine/evaluate-uncertainty";
import { measure, report } from "./_stats";

const profiles = ["early-prototype", "hospital-patient-data", "high-volume-saas", "sensitive-slice-hybrid"];
const BROWSER_BUDGET_MS = 150;
const inputs = profiles.map((name) => [name, JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8"))] as const);

for (const [name, input] of inputs) {
  const xs = evaluate(input).volumeCurve.map((p) => p.tokensPerDay);
  for (const draws of [1000, 2000])
    report(`node ${name} ${draws} draws`, await measure(() => evaluateUncertainty(input, undefined, { draws }), 8, 2));
  const c = process.cpuUsage();
  for (let i = 0; i < 5; i++) evaluateUncertainty(input, undefined, { draws: 1000 });
  const cpu = process.cpuUsage(c);
  console.log(
    `${`node ${name} 1000 draws CPU time`.padEnd(44)} ${((cpu.user + cpu.system) / 1000 / 5).toFixed(1)} ms per run`,
  );
  report(
    `node ${name} 1000 draws + bands(200)`,
    await measure(() => evaluateUncertainty(input, undefined, { draws: 1000, bands: { tokensPerDay: xs } }), 6, 2),
  );
}

// The browser: the same modules bundled for the page (iife, global RentOrOwnBench).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ro-bench-unc-"));
const entry = path.join(dir, "entry.ts");
fs.writeFileSync(
  entry,
  `export { evaluate } from ${JSON.stringify(path.resolve("lib/engine/evaluate"))};\nexport { evaluateUncertainty } from ${JSON.stringify(path.resolve("lib/engine/evaluate-uncertainty"))};\n`,
);
const out = path.join(dir, "bundle.js");
await build({
  entryPoints: [entry],
  bundle: true,
  format: "iife",
  globalName: "RentOrOwnBench",
  outfile: out,
  platform: "browser",
  minify: true,
  alias: { "@": path.resolve(".") },
  logLevel: "error",
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><title>bench</title>");
  await page.addScriptTag({ content: fs.readFileSync(out, "utf8") });
  console.log(`bundle ${(fs.statSync(out).size / 1024).toFixed(0)} kB (minified)`);
  for (const [name, input] of inputs) {
    // A string, not a function: tsx would rewrite a function's source with helpers the page does not have.
    const r = (await page.evaluate(`(() => {
      const g = globalThis.RentOrOwnBench;
      const input = ${JSON.stringify(input)};
      const xs = g.evaluate(input).volumeCurve.map((p) => p.tokensPerDay);
      const time = (o) => {
        g.evaluateUncertainty(input, undefined, o);
        const t = [];
        for (let i = 0; i < 5; i++) { const s = performance.now(); g.evaluateUncertainty(input, undefined, o); t.push(performance.now() - s); }
        t.sort((a, b) => a - b);
        return { median: t[2], max: t[4] };
      };
      return { d1000: time({ draws: 1000 }), d2000: time({ draws: 2000 }), bands: time({ draws: 1000, bands: { tokensPerDay: xs } }) };
    })()`)) as Record<"d1000" | "d2000" | "bands", { median: number; max: number }>;
    const f = (x: { median: number; max: number }) => `median=${x.median.toFixed(1)} ms max=${x.max.toFixed(1)} ms`;
    console.log(
      `chromium ${name}`.padEnd(44),
      `1000 draws ${f(r.d1000)} (budget ${BROWSER_BUDGET_MS} ms: ${r.d1000.median < BROWSER_BUDGET_MS ? "within" : "OVER"}) | 2000 draws ${f(r.d2000)} | 1000 + bands ${f(r.bands)}`,
    );
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
