// Where evaluate()'s time goes, part by part (median µs over many runs) for each example profile:
// a guide for engine speed work, not a benchmark with a target (that is engine.ts).
import fs from "node:fs";
import { catalog } from "../../lib/engine/catalog";
import { liteVerdict, verdictOf, verdictRules } from "../../lib/engine/evaluate";
import { resolveModel } from "../../lib/engine/model";
import { assessmentInputSchema } from "../../lib/engine/schema";
import { whatWouldChange } from "../../lib/engine/what-would-change";
import { breakEven, sensitivity } from "../../lib/engine/break-even";
import { termTable } from "../../lib/engine/economics";
import { capacitySummary } from "../../lib/engine/capacity";
import { conflicts } from "../../lib/engine/rules";
import { evaluate } from "../../lib/engine";
import { volumeCurve } from "../../lib/engine/volume-curve";

function med(fn: () => unknown, n = 300): number {
  for (let i = 0; i < 30; i++) fn();
  const s: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    s.push(performance.now() - t);
  }
  s.sort((a, b) => a - b);
  return s[Math.floor(n / 2)]! * 1000;
}
// `--only=breakEven,sensitivity,volumeCurve`: time just those parts (quicker A/B on a busy machine).
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const names = args.length
  ? args
  : fs
      .readdirSync("examples")
      .filter((f) => !f.includes("portfolio"))
      .map((f) => f.replace(".json", ""));
const cases = names.map((name) => {
  const raw = JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8"));
  const input = assessmentInputSchema.parse(raw);
  const m = resolveModel(input, catalog);
  const v = verdictOf(m, catalog);
  const ruledOut = [...new Set(v.excluded.filter((x) => x.rule !== "no-split").map((x) => x.option))];
  const be = breakEven(m, v.costs);
  const fns: Record<string, () => unknown> = {
    evaluate: () => evaluate(raw),
    parse: () => assessmentInputSchema.parse(raw),
    resolveModel: () => resolveModel(input, catalog),
    verdictRules: () => verdictRules(m, catalog),
    verdict: () => verdictOf(m, catalog),
    conflicts: () => conflicts(m, v.excluded),
    // The curve parts on a fresh model object each call: break-even.ts memoises per model (breakEven's parts are
    // reused by sensitivity, as evaluate runs them), so timing one object over and over would read the memo.
    breakEven: () => breakEven({ ...m }, v.costs),
    wwc: () => whatWouldChange(m, catalog, liteVerdict, v.recommendation, ruledOut, v.costs),
    sensitivity: () =>
      sensitivity({ ...m }, catalog, { "self-hosted": v.costs["self-hosted"].monthlyUsd, api: v.costs.api.monthlyUsd }),
    volumeCurve: () => volumeCurve({ ...m }, catalog, m.tokensPerDay, be),
    // The three together as evaluate runs them (break-even, tornado, cost-vs-volume chart) on one model.
    curves: () => {
      const mm = { ...m };
      const b = breakEven(mm, v.costs);
      sensitivity(mm, catalog, { "self-hosted": v.costs["self-hosted"].monthlyUsd, api: v.costs.api.monthlyUsd });
      return volumeCurve(mm, catalog, mm.tokensPerDay, b);
    },
    termTable: () => termTable(m, catalog),
    capacity: () => capacitySummary(m),
  };
  for (const k of Object.keys(fns)) if (only && !only.includes(k)) delete fns[k];
  return { name, fns };
});
// Warm every part on every example first: otherwise the first example measured pays for the JIT.
for (let round = 0; round < 3; round++)
  for (const c of cases) for (const fn of Object.values(c.fns)) for (let i = 0; i < 30; i++) fn();
for (const { name, fns } of cases) {
  const parts: Record<string, number> = {};
  for (const [k, fn] of Object.entries(fns)) parts[k] = med(fn);
  console.log(
    name.padEnd(28),
    Object.entries(parts)
      .map(([k, x]) => `${k}=${x.toFixed(0)}`)
      .join(" "),
  );
}
