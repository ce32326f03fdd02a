// `npx tsx scripts/bench/capacity-sweep.ts [filter] [requestsPerDay|inputTokensPerRequest|outputTokensPerRequest]`
// Walks one workload figure in 2% steps (volume 500 → 2M requests/day, prompt/output 50 → 20k tokens)
// on every profile whose GPUs are owned (offline, in-house, ITAR fixtures and examples; any profile
// when a filter is given) and prints, per profile: the largest self-hosted TCO step, that step over
// one purchase unit (owned: one server bought and run for the horizon; rented: one replica) plus the
// proportional 2%, how many steps LOWERED the cost, and how often the chosen configuration changed.
// V=1 prints every step.
import fs from "node:fs";
import { assessmentInputSchema, type AssessmentInput } from "../../lib/engine";
import { catalog } from "../../lib/engine/catalog";
import { selfHostedCost } from "../../lib/engine/economics/costs";
import { gpuPricing } from "../../lib/engine/economics/terms";
import { HOURS_PER_MONTH, resolveModel, type Model } from "../../lib/engine/model";
import { PROFILES } from "../../test/fixtures/profiles";

type Figure = "requestsPerDay" | "inputTokensPerRequest" | "outputTokensPerRequest";
const filter = process.argv[2] ?? "all";
const field = (process.argv[3] ?? "requestsPerDay") as Figure;
const inputs: Record<string, AssessmentInput> = {};
for (const f of fs.readdirSync("examples").filter((x) => x.endsWith(".json") && !x.includes("portfolio")))
  inputs[`ex:${f.replace(/\.json$/, "")}`] = JSON.parse(fs.readFileSync(`examples/${f}`, "utf8"));
for (const [k, v] of Object.entries(PROFILES)) inputs[`fx:${k}`] = v;

/** One purchase unit for the horizon: owned, a server (price, running it, its storage/network share, people for its GPUs); rented, a replica. */
function unit(m: Model): number {
  const v = m.values;
  const months = m.input.strategy.horizonMonths;
  const people = ((v["people.ftePer100Gpus"] / 100) * v["people.loadedEngineerUsdPerYear"]) / 12;
  const o = gpuPricing(m).owned;
  if (o)
    return (
      o.serverPriceUsd +
      months *
        (o.opexPerServerMonth +
          v["overheads.storageNetworkShareOfGpu"] * (o.opexPerServerMonth + o.depreciationPerServerMonth) +
          people * o.gpusPerServer)
    );
  return (
    months *
    v["selfHosted.gpusPerReplica"] *
    (gpuPricing(m).usdPerGpuHour * HOURS_PER_MONTH * (1 + v["overheads.storageNetworkShareOfGpu"]) + people)
  );
}

let worstAll = 0;
let ratioAll = 0;
let fallsAll = 0;
for (const [name, raw] of Object.entries(inputs)) {
  if (filter !== "all" && !name.includes(filter)) continue;
  const p0 = assessmentInputSchema.parse(raw);
  if (filter === "all" && !gpuPricing(resolveModel(p0, catalog)).owned) continue;
  const [lo, hi] = field === "requestsPerDay" ? [500, 2_000_000] : [50, 20_000];
  let prev: { tco: number; cfg: string; fleet: string; unit: number } | undefined;
  let worst = 0;
  let at = "";
  let ratio = 0;
  let falls = 0;
  let changes = 0;
  for (let x = lo; x <= hi; x *= 1.02) {
    const m = resolveModel({ ...p0, volume: { ...p0.volume, [field]: Math.round(x) } }, catalog);
    const c = selfHostedCost(m);
    const s = c.fleet?.servers;
    const cur = {
      tco: c.tcoUsd,
      cfg: m.capacity.chosen.id,
      fleet: `${s ? `${s.first} server(s), ` : ""}${c.gpus!.replicasFirst} replica(s)`,
      unit: unit(m),
    };
    if (prev) {
      const d = cur.tco - prev.tco;
      if (cur.cfg !== prev.cfg) changes++;
      if (d < -1) falls++;
      ratio = Math.max(ratio, Math.abs(d) / (Math.max(prev.unit, cur.unit) + 0.02 * prev.tco));
      if (Math.abs(d) > Math.abs(worst)) {
        worst = d;
        at = `${Math.round(x / 1.02)} → ${Math.round(x)}: ${prev.cfg} (${prev.fleet}) → ${cur.cfg} (${cur.fleet}); unit $${Math.round(Math.max(prev.unit, cur.unit))}`;
      }
      if (process.env.V)
        console.log(`  ${Math.round(x)} $${Math.round(cur.tco)} step $${Math.round(d)} ${cur.cfg} ${cur.fleet}`);
    }
    prev = cur;
  }
  worstAll = Math.max(worstAll, Math.abs(worst));
  ratioAll = Math.max(ratioAll, ratio);
  fallsAll += falls;
  console.log(
    `${name} [${field}]: largest step $${Math.round(worst)} at ${at || "-"}; max step ÷ (unit + 2%) ${ratio.toFixed(2)}; falls ${falls}; configuration changes ${changes}`,
  );
}
console.log(
  `ALL [${field}]: largest step $${Math.round(worstAll)}, max step ÷ (unit + 2%) ${ratioAll.toFixed(2)}, falls ${fallsAll}`,
);
