// `npm run evaluate -- path/to/input.json [--json]`: runs the engine on a file and prints the
// verdict, reasons, conflicts, costs and break-even (or the raw Evaluation with --json), and how sure the
// verdict is (the uncertainty Monte Carlo, contract v1.2: --draws=N, --seed=N; --no-uncertainty skips it;
// with --json it is the field `uncertainty`).
// Bad input prints the zod issues and exits 1.
import fs from "node:fs";
import {
  assessmentInputSchema,
  evaluate,
  evaluateUncertainty,
  optionLabel,
  OPTIONS,
  type Uncertainty,
} from "../lib/engine";
import { formatTokens, formatUsd } from "../lib/engine/text";
import { isPortfolioShape } from "../lib/engine/portfolio/schema";
import { runPortfolio } from "./evaluate-portfolio";

// Exit codes are set with process.exitCode, never process.exit(): exiting right after a large write
// cuts piped stdout at the pipe buffer (64 KiB) before it drains.
process.exitCode = main(process.argv.slice(2));

/** Returns the process exit code. */
function main(args: string[]): number {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: npm run evaluate -- path/to/input.json [--json]");
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`cannot read ${file} as JSON: ${(error as Error).message}`);
    return 1;
  }
  // A portfolio (several workloads) is told by its shape: a top-level `workloads` array.
  if (isPortfolioShape(raw)) return runPortfolio(file, raw, args.includes("--json"));
  const parsed = assessmentInputSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(`invalid input in ${file}:`);
    for (const i of parsed.error.issues) console.error(`  ${i.path.join(".") || "(root)"}: ${i.message}`);
    return 1;
  }
  const e = evaluate(parsed.data);
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const draws = flag("draws") === undefined ? undefined : Number(flag("draws"));
  const seed = flag("seed") === undefined ? undefined : Number(flag("seed"));
  if (
    (draws !== undefined && !(Number.isInteger(draws) && draws > 0)) ||
    (seed !== undefined && !(Number.isInteger(seed) && seed >= 0))
  ) {
    console.error("--draws must be a positive whole number and --seed a whole number >= 0");
    return 2;
  }
  const u: Uncertainty | null = args.includes("--no-uncertainty")
    ? null
    : evaluateUncertainty(parsed.data, undefined, {
        ...(draws ? { draws } : {}),
        ...(seed !== undefined ? { seed } : {}),
      });
  if (args.includes("--json")) {
    console.log(JSON.stringify(u ? { ...e, uncertainty: u } : e, null, 2));
    return 0;
  }
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  console.log(
    `Verdict: ${e.recommendationLabel} (confidence ${pct(u ? u.confidence : e.confidence)}${u ? `: holds in ${pct(u.verdictHolds)} of ${u.draws.toLocaleString("en-US")} draws` : ""})   catalog ${e.catalogVersion}`,
  );
  console.log(
    `Volume: ${formatTokens(e.tokensPerDay)} tokens/day; comparing ${e.comparison.apiModel} with ${e.comparison.openModel} on ${e.comparison.gpu}\n`,
  );
  console.log("Ranking:");
  for (const r of e.ranking)
    console.log(
      `  ${optionLabel(r.option).padEnd(22)} ${String(r.score).padStart(5)}${r.excluded ? "  EXCLUDED: " + r.reasons.join(" ") : ""}`,
    );
  console.log("\nReasons:");
  for (const r of e.reasons) console.log(`  - [${r.factor} → ${r.favours}] ${r.text}`);
  if (e.conflicts.length) {
    console.log("\nConflicts:");
    for (const c of e.conflicts) console.log(`  ! ${c.text}\n    What to do: ${c.advice}`);
  }
  console.log(`\nCosts over ${e.horizonMonths} months:`);
  for (const o of OPTIONS) {
    const c = e.costs[o];
    console.log(
      `  ${optionLabel(o).padEnd(22)} month 1 ${formatUsd(c.monthlyUsd[0] ?? 0).padStart(9)}   total ${formatUsd(c.tcoUsd).padStart(9)}   ${c.perMillionTokensUsd === null ? "no tokens served" : formatUsd(c.perMillionTokensUsd) + "/M tokens"}`,
    );
  }
  if (u) {
    console.log(
      `\nHow sure (${u.draws.toLocaleString("en-US")} draws over the catalog's ranges, seed ${u.seed}; TCO P10 / P50 / P90):`,
    );
    for (const o of OPTIONS) {
      const b = u.options[o];
      console.log(
        `  ${optionLabel(o).padEnd(22)} ${formatUsd(b.p10).padStart(9)} / ${formatUsd(b.p50).padStart(9)} / ${formatUsd(b.p90).padStart(9)}   cheapest usable in ${pct(b.cheapestShare)} of draws`,
      );
    }
    console.log(`  ${u.text}`);
    for (const d of u.drivers)
      console.log(
        `  driver: ${d.label} (P10–P90 ${d.p10.toPrecision(3)}–${d.p90.toPrecision(3)}; rank correlation ${d.rankCorrelation.toFixed(2)}, ${pct(d.varianceShare)} of the variance)`,
      );
  }
  const sh = e.costs["self-hosted"].gpus;
  const paid = e.capacity.paid;
  if (sh)
    console.log(`  Self-hosted pays for ${paid.first.text} in month 1; ${paid.last.text} in month ${e.horizonMonths}.`);
  if (e.costs.hybrid.split?.text) console.log(`  ${e.costs.hybrid.split.text}`);
  if (e.costPremiumUsd > 0)
    console.log(
      `  Premium: the verdict costs ${formatUsd(e.costPremiumUsd)} more than the cheapest usable option over ${e.horizonMonths} months (see the premium reason).`,
    );
  else console.log("  Premium: none; the verdict is the cheapest usable option.");
  const fleet = e.costs["self-hosted"].fleet;
  if (fleet) {
    console.log(
      `\nGPU terms (${e.comparison.gpu}; in use: ${e.comparison.gpuSource}${e.comparison.gpuSource === "owned" ? "" : ", " + e.comparison.gpuTerm}):`,
    );
    for (const t of e.economics.gpuTerms)
      console.log(`  ${t.inUse ? "*" : " "} ${t.label.padEnd(48)} ${formatUsd(t.usdPerGpuHour).padStart(7)}/GPU-hour`);
    console.log(`  ${fleet.gpuTerm.text}`);
    if (fleet.depreciation && fleet.capexUsd) {
      const capex = fleet.capexUsd.reduce((a, b) => a + b, 0);
      console.log(
        `  Owned: capex ${formatUsd(capex)} (cash view, ${formatUsd(fleet.capexUsd[0] ?? 0)} in month 1); depreciation view TCO ${formatUsd(fleet.depreciation.tcoUsd)} vs cash view ${formatUsd(e.costs["self-hosted"].tcoUsd)}.`,
      );
      if (fleet.residualBookValueUsd)
        console.log(
          `  Residual book value at month ${e.horizonMonths}: ${formatUsd(fleet.residualBookValueUsd)} (straight line; not credited in the cash view, left out of the depreciation view).`,
        );
    }
    console.log(`\nStaff (self-hosted): month 1 ${fleet.staff.first.text}`);
    console.log(`  Month ${e.horizonMonths}: ${fleet.staff.last.text}`);
    console.log(
      `  Fleet utilization: ${pct(fleet.utilization.first)} of SLO capacity in month 1, ${pct(fleet.utilization.last)} in month ${e.horizonMonths}.`,
    );
  }
  const tr = e.economics.priceTrends;
  // capacity (#13): the configuration, the SLO it is sized at, utilization, every option's latency vs the target.
  const cap = e.capacity;
  console.log(
    `\nCapacity (self-hosted): ${cap.chosen.modelLabel} ${cap.chosen.precision.toUpperCase()} on ${cap.chosen.gpusPerReplica}x ${cap.chosen.gpuLabel} per replica, sized at p95 ${cap.slo.measure === "first-token" ? "first token" : "full response"} <= ${cap.slo.targetMs} ms${cap.slo.met ? ` (runs at ~${Math.round(cap.slo.p95Ms)} ms, ${Math.round(cap.slo.concurrency * 10) / 10} requests in flight, ${formatTokens(cap.chosen.tokensPerSecondPerReplica)} tokens/s per replica)` : " (NOT reachable)"}; utilization ${pct(cap.utilization.first)} -> ${pct(cap.utilization.last)}`,
  );
  for (const r of cap.runnersUp)
    console.log(
      `  runner-up: ${r.modelLabel} ${r.precision.toUpperCase()} on ${r.gpusPerReplica}x ${r.gpuLabel}: ${formatUsd(r.usdHorizon)} as paid over the horizon (${r.servers ? "servers, their running costs" : "GPUs"}, people and overheads; chosen: ${formatUsd(cap.chosen.usdHorizon)})`,
    );
  for (const o of OPTIONS)
    console.log(
      `  latency ${optionLabel(o).padEnd(20)} ${cap.latency[o].feasible ? "meets" : "MISSES"}: ${cap.latency[o].text}`,
    );
  console.log(
    `\nPrice trends over ${tr.months} months: API prices ×${tr.api.toFixed(2)}, hosted open weights ×${tr.hostedOpen.toFixed(2)}, rented GPUs ×${tr.gpu.toFixed(2)} by the last month.`,
  );
  if (e.economics.growthSaturation)
    console.log(
      `  Growth saturates at ${e.economics.growthSaturation.multiple}× today's volume from month ${e.economics.growthSaturation.month}.`,
    );
  console.log("\nWhat would change the verdict:");
  if (!e.whatWouldChange.length)
    console.log(
      `  Nothing within the plausible range of volume, prices, throughput, staff cost, growth or horizon.${e.volumeHolds ? ` ${e.volumeHolds.text}` : ""}`,
    );
  for (const w of e.whatWouldChange) console.log(`  - ${w.text}`);
  if (e.volumeHolds && e.whatWouldChange.length) console.log(`  ${e.volumeHolds.text}`);
  console.log("\nBreak-even (self-hosting vs; volume at today's prices, month with the price trends):");
  for (const k of ["api", "hosted-open"] as const) {
    const b = e.breakEven[k];
    const late =
      b.tokensPerDayAtHorizonEnd === undefined
        ? ""
        : ` (${b.tokensPerDayAtHorizonEnd === null ? "never in range" : formatTokens(b.tokensPerDayAtHorizonEnd) + " tokens/day"} at month-${e.horizonMonths} prices)`;
    console.log(
      `  ${optionLabel(k).padEnd(22)} ${b.tokensPerDay === null ? "never in range" : formatTokens(b.tokensPerDay) + " tokens/day"}${late}; ${b.month === null ? "no break-even month within the horizon" : "month " + b.month}`,
    );
  }
  if (e.sensitivity.length) {
    const be = (x: number | null) => (x === null ? "never" : formatTokens(x));
    console.log("\nWhat moves the break-even against the API most:");
    for (const r of e.sensitivity.slice(0, 4)) {
      console.log(
        `  ${r.label.padEnd(32)} ${r.low.toPrecision(3)}–${r.high.toPrecision(3)} ${r.unit}: ${be(r.breakEvenLow)} to ${be(r.breakEvenHigh)} tokens/day`,
      );
    }
  }
  return 0;
}
