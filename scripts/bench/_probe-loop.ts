// Not run by `npm run bench` (leading _): times one whatWouldChange verdict probe, the lite verdict
// (verdictOf with { lite: true } and the rules computed once) on an example at patched volumes, the unit
// whatWouldChange repeats 20-50 times per evaluate. A guide for engine speed work:
//   npx tsx scripts/bench/_probe-loop.ts [example]      (N=40000 probes by default)
import fs from "node:fs";
import { catalog } from "../../lib/engine/catalog";
import { verdictOf, verdictRules } from "../../lib/engine/evaluate";
import { resolveModel, type Model } from "../../lib/engine/model";
import { assessmentInputSchema } from "../../lib/engine/schema";

const name = process.argv[2] ?? "high-volume-saas";
const input = assessmentInputSchema.parse(JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8")));
const m = resolveModel(input, catalog);
const rules = verdictRules(m, catalog);
const rpd = m.input.volume.requestsPerDay;
const N = Number(process.env.N ?? 40_000);
const t = performance.now();
const c0 = process.cpuUsage();
let api = 0;
for (let i = 0; i < N; i++) {
  const mm: Model = {
    ...m,
    input: { ...m.input, volume: { ...m.input.volume, requestsPerDay: rpd * (1 + (i % 100) / 50) } },
  };
  if (verdictOf(mm, catalog, { lite: true, rules }).recommendation === "api") api++;
}
const cpu = process.cpuUsage(c0);
console.log(
  `${name}: ${(((performance.now() - t) / N) * 1000).toFixed(1)} µs wall, ${((cpu.user + cpu.system) / N).toFixed(1)} µs CPU per probe (${api} of ${N} probes: API)`,
);
