#!/usr/bin/env node
// `npm test`: everything, in the order a failure is cheapest to find —
// browser present? → types → lint → unit → integration (real PostgreSQL) → production build → e2e (Chromium).
import { spawnSync } from "node:child_process";
import { findChromium, findPlaywrightChromium, NO_BROWSER_MESSAGE } from "../lib/chromium.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

if (!findChromium()) {
  const bundled = await findPlaywrightChromium();
  if (!bundled) {
    console.error(`\n✖ ${NO_BROWSER_MESSAGE}\n`);
    process.exit(1);
  }
  process.env.PLAYWRIGHT_USE_BUNDLED = "1";
}

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", ".", "--max-warnings=0"]],
  // One formatter for all code (printWidth 120, .prettierrc.json); `npm run format` fixes what this finds.
  ["lint: formatting", "npm", ["run", "--silent", "format:check"]],
  ["unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["integration tests", "npx", ["vitest", "run", "--project", "integration"]],
  ["production build", "npx", ["next", "build"]],
  ["end-to-end tests", "npx", ["playwright", "test"]],
];

const only = process.argv.slice(2);
for (const [label, cmd, args] of steps) {
  if (only.length && !only.some((o) => label.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${label}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log("\nAll test suites passed.");
