// Times evaluate() (including whatWouldChange, break-even, sensitivity and the volume curve) for three
// profiles, and the two parts whatWouldChange is made of: one verdict probe and the whole search.
import fs from "node:fs";
import { evaluate } from "../../lib/engine";
import { catalog } from "../../lib/engine/catalog";
import { liteVerdict, verdictOf } from "../../lib/engine/evaluate";
import { resolveModel } from "../../lib/engine/model";
import { assessmentInputSchema } from "../../lib/engine/schema";
import { whatWouldChange } from "../../lib/engine/what-would-change";
import { measure, report } from "./_stats";

const profiles = ["early-prototype", "hospital-patient-data", "high-volume-saas"];
/** The issue #13 budget for evaluate (median, with break-even, sensitivity and whatWouldChange). */
const TARGET_MS = 1;

/** Median CPU time (user + system) per call over batches: what the process itself spent, less sensitive to a busy machine than wall time. */
function cpuMedianMs(fn: () => unknown, batches: number, perBatch: number): number {
  const samples: number[] = [];
  for (let i = 0; i < batches; i++) {
    const c = process.cpuUsage();
    for (let k = 0; k < perBatch; k++) fn();
    const d = process.cpuUsage(c);
    samples.push((d.user + d.system) / 1000 / perBatch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const summary: string[] = [];
for (const name of profiles) {
  const input = JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8"));
  const e = await measure(() => evaluate(input), 600, 60);
  report(`evaluate(${name})`, e);
  const cpu = cpuMedianMs(() => evaluate(input), 60, 3);
  console.log(`${"  evaluate CPU time".padEnd(44)} median=${cpu.toFixed(3)} ms per call (batches of 3)`);
  const m = resolveModel(assessmentInputSchema.parse(input), catalog);
  const v = verdictOf(m, catalog, { lite: true });
  const ruledOut = [...new Set(v.excluded.filter((x) => x.rule !== "no-split").map((x) => x.option))];
  report(`  verdict probe(${name})`, await measure(() => verdictOf(m, catalog, { lite: true }), 2000, 200));
  report(
    `  whatWouldChange(${name})`,
    await measure(() => whatWouldChange(m, catalog, liteVerdict, v.recommendation, ruledOut, v.costs), 300, 30),
  );
  summary.push(`${name} ${e.median.toFixed(2)} ms (p99 ${e.p99.toFixed(2)})`);
}
const worst = Math.max(...summary.map((s) => Number(s.split(" ")[1])));
console.log(
  `\nevaluate median vs the < ${TARGET_MS} ms target (issue #13): ${summary.join(", ")}: ${worst < TARGET_MS ? "met" : "NOT met"}`,
);
