// Times evaluatePortfolio() with 3 workloads (exhaustive placement search) and 20 workloads (greedy),
// both built from the committed examples. Target (issue #12): 3 workloads < 10 ms median.
import fs from "node:fs";
import { evaluate, evaluatePortfolio, portfolioInputSchema, type PortfolioInput } from "../../lib/engine";
import { workloadInput } from "../../lib/engine/portfolio/evaluate";
import { measure, report } from "./_stats";

const read = (f: string) => JSON.parse(fs.readFileSync(`examples/${f}`, "utf8")) as PortfolioInput;
const hospital = read("hospital-group-portfolio.json");
const saas = read("saas-company-portfolio.json");

const three: PortfolioInput = { ...hospital, workloads: hospital.workloads.slice(0, 3) };
const pool = [...hospital.workloads, ...saas.workloads];
const twenty: PortfolioInput = {
  ...saas,
  workloads: Array.from({ length: 20 }, (_, i) => {
    const w = pool[i % pool.length]!;
    return {
      ...w,
      id: `${w.id}-${i}`,
      name: `${w.name} ${i + 1}`,
      volume: { ...w.volume, requestsPerDay: w.volume.requestsPerDay * (1 + (i % 5) / 4) },
    };
  }),
};

let threeMedian = 0;
for (const [label, input, runs] of [
  ["evaluatePortfolio(3 workloads)", three, 500],
  ["evaluatePortfolio(20 workloads)", twenty, 40],
] as const) {
  const r = evaluatePortfolio(input);
  const s = await measure(() => evaluatePortfolio(input), runs, Math.min(20, runs));
  if (input === three) threeMedian = s.median;
  report(label, s);
  console.log(
    `  search: ${r.search.method}, ${r.search.placementsEvaluated} placements priced; plan ${Math.round(r.plan.tcoUsd)} USD vs each-alone ${Math.round(r.alternatives["each-alone"].tcoUsd)} USD`,
  );
}

// The share of the time that is the workloads' own evaluate() (the standalone evaluations the plan embeds).
const parsed = portfolioInputSchema.parse(three);
const alone = await measure(() => parsed.workloads.forEach((_, i) => evaluate(workloadInput(parsed, i))), 500, 20);
report("  of which 3 × evaluate() alone", alone);
// The rest is the portfolio's own work: pricing the options, the placement search, alternatives, texts.
console.log(
  `  portfolio's own work (3 workloads, difference of medians): ${(threeMedian - alone.median).toFixed(1)} ms`,
);
