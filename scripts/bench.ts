// `npm run bench`: runs every benchmark in scripts/bench/ and prints its figures.
// Performance is measured here, never asserted with timings inside tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "scripts", "bench");
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  // react-server condition: lets server modules (which import "server-only") load outside Next.
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", path.join(dir, file)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
