// The portfolio half of `npm run evaluate -- file.json [--json]` (scripts/evaluate.ts hands a file
// whose top level has a `workloads` array here): prints the plan, each workload's placement and why,
// the shared fleets and team, the alternatives, and the reasons. Bad input prints the zod issues.
import { evaluatePortfolio, optionLabel, portfolioInputSchema } from "../lib/engine";
import { formatUsd } from "../lib/engine/text";

/** Returns the process exit code. */
export function runPortfolio(file: string, raw: unknown, json: boolean): number {
  const parsed = portfolioInputSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(`invalid portfolio in ${file}:`);
    for (const i of parsed.error.issues) console.error(`  ${i.path.join(".") || "(root)"}: ${i.message}`);
    return 1;
  }
  const r = evaluatePortfolio(parsed.data);
  if (json) {
    console.log(JSON.stringify(r, null, 2));
    return 0;
  }
  const months = r.horizonMonths;
  console.log(
    `Portfolio plan for ${r.workloads.length} workloads: ${formatUsd(r.plan.tcoUsd)} over ${months} months   catalog ${r.catalogVersion}`,
  );
  console.log(`(placement search: ${r.search.method}, ${r.search.placementsEvaluated} placements priced)\n`);
  console.log("Placements:");
  for (const w of r.workloads) {
    const moved = w.placement !== w.verdict ? `  (alone: ${optionLabel(w.verdict)})` : "";
    console.log(
      `  ${w.name.padEnd(32)} ${optionLabel(w.placement).padEnd(20)} adds ${formatUsd(w.marginalTcoUsd).padStart(9)}${moved}`,
    );
  }
  if (r.plan.fleets.length) {
    console.log("\nShared fleets (month 1 → last month):");
    for (const f of r.plan.fleets) {
      console.log(
        `  ${f.openModel} on ${f.gpu}: ${f.gpus.first} → ${f.gpus.last} GPUs (${f.gpusIfSeparate} if run apart), utilization ${Math.round(f.utilization.first * 100)}%, carries ${f.workloads.join(", ")}`,
      );
    }
    console.log(
      `  One team: ${r.plan.team.fte} FTE, ${formatUsd(r.plan.team.peopleUsdPerMonth)}/month, set-up ${formatUsd(r.plan.team.setupUsd)} once`,
    );
  }
  console.log(
    `\nMonth 1: tokens ${formatUsd(r.plan.breakdown.tokens)}, GPUs ${formatUsd(r.plan.breakdown.gpus)}, people ${formatUsd(r.plan.breakdown.people)}, overheads ${formatUsd(r.plan.breakdown.overheads)}, set-up ${formatUsd(r.plan.breakdown.setup)}`,
  );
  console.log(
    `Pooling saves ${formatUsd(r.plan.poolingSavingsUsd)}; premium over the cheapest feasible alternative ${formatUsd(r.costPremiumUsd)}.`,
  );
  console.log("\nAlternatives:");
  for (const [name, a] of Object.entries(r.alternatives))
    console.log(
      `  ${name.padEnd(18)} ${formatUsd(a.tcoUsd).padStart(9)}${a.feasible ? "" : "  NOT FEASIBLE: " + a.text}`,
    );
  console.log("\nReasons:");
  for (const x of r.reasons) console.log(`  - ${x.text}`);
  if (r.conflicts.length) {
    console.log("\nConflicts:");
    for (const c of r.conflicts) console.log(`  ! ${c.text}\n    What to do: ${c.advice}`);
  }
  return 0;
}
