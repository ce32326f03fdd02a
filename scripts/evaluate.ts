// `npm run evaluate -- path/to/input.json [--json]`: runs the engine on a file and prints the
// verdict, reasons, conflicts, costs and break-even (or the raw Evaluation with --json).
// Bad input prints the zod issues and exits 1.
import fs from "node:fs";
import { assessmentInputSchema, evaluate, optionLabel, OPTIONS } from "../lib/engine";
import { formatTokens, formatUsd } from "../lib/engine/text";
import { isPortfolioShape } from "../lib/engine/portfolio/schema";
import { runPortfolio } from "./evaluate-portfolio";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run evaluate -- path/to/input.json [--json]");
  process.exit(2);
}
let raw: unknown;
try {
  raw = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  console.error(`cannot read ${file} as JSON: ${(error as Error).message}`);
  process.exit(1);
}
// A portfolio (several workloads) is told by its shape: a top-level `workloads` array.
if (isPortfolioShape(raw)) process.exit(runPortfolio(file, raw, args.includes("--json")));
const parsed = assessmentInputSchema.safeParse(raw);
if (!parsed.success) {
  console.error(`invalid input in ${file}:`);
  for (const i of parsed.error.issues) console.error(`  ${i.path.join(".") || "(root)"}: ${i.message}`);
  process.exit(1);
}
const e = evaluate(parsed.data);
if (args.includes("--json")) {
  console.log(JSON.stringify(e, null, 2));
  process.exit(0);
}
const pct = (n: number) => `${Math.round(n * 100)}%`;
console.log(`Verdict: ${e.recommendationLabel} (confidence ${pct(e.confidence)})   catalog ${e.catalogVersion}`);
console.log(`Volume: ${formatTokens(e.tokensPerDay)} tokens/day; comparing ${e.comparison.apiModel} with ${e.comparison.openModel} on ${e.comparison.gpu}\n`);
console.log("Ranking:");
for (const r of e.ranking) console.log(`  ${optionLabel(r.option).padEnd(22)} ${String(r.score).padStart(5)}${r.excluded ? "  EXCLUDED: " + r.reasons.join(" ") : ""}`);
console.log("\nReasons:");
for (const r of e.reasons) console.log(`  - [${r.factor} → ${r.favours}] ${r.text}`);
if (e.conflicts.length) {
  console.log("\nConflicts:");
  for (const c of e.conflicts) console.log(`  ! ${c.text}\n    What to do: ${c.advice}`);
}
console.log(`\nCosts over ${e.horizonMonths} months:`);
for (const o of OPTIONS) {
  const c = e.costs[o];
  console.log(`  ${optionLabel(o).padEnd(22)} month 1 ${formatUsd(c.monthlyUsd[0] ?? 0).padStart(9)}   total ${formatUsd(c.tcoUsd).padStart(9)}   ${formatUsd(c.perMillionTokensUsd)}/M tokens`);
}
const sh = e.costs["self-hosted"].gpus;
if (sh) console.log(`  Self-hosted runs ${sh.first} GPU(s) in month 1 (${sh.replicasFirst} replicas) and ${sh.last} in month ${e.horizonMonths}.`);
if (e.costs.hybrid.split?.text) console.log(`  ${e.costs.hybrid.split.text}`);
console.log("\nBreak-even (self-hosting vs):");
for (const k of ["api", "hosted-open"] as const) {
  const b = e.breakEven[k];
  console.log(`  ${optionLabel(k).padEnd(22)} ${b.tokensPerDay === null ? "never in range" : formatTokens(b.tokensPerDay) + " tokens/day"}; ${b.month === null ? "no break-even month within the horizon" : "month " + b.month}`);
}
if (e.sensitivity.length) {
  const be = (x: number | null) => (x === null ? "never" : formatTokens(x));
  console.log("\nWhat moves the break-even against the API most:");
  for (const r of e.sensitivity.slice(0, 4)) {
    console.log(`  ${r.label.padEnd(32)} ${r.low.toPrecision(3)}–${r.high.toPrecision(3)} ${r.unit}: ${be(r.breakEvenLow)} to ${be(r.breakEvenHigh)} tokens/day`);
  }
}
