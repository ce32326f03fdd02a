// Times the capacity layer: resolveModel() (which sizes every open model × GPU × precision × GPUs-per-
// replica configuration at the workload and latency target and picks the cheapest) per profile, cold
// (performance memo emptied before each call) and warm (memo kept, as break-even, sensitivity and
// what-would-change see it when they vary volume or prices), plus evaluate() for the same inputs.
import fs from "node:fs";
import { evaluate } from "../../lib/engine";
import { catalog } from "../../lib/engine/catalog";
import { clearCapacityMemo } from "../../lib/engine/capacity/choose";
import { resolveModel } from "../../lib/engine/model";
import { assessmentInputSchema } from "../../lib/engine/schema";
import { measure, report } from "./_stats";

const profiles = [
  "early-prototype",
  "hospital-patient-data",
  "high-volume-saas",
  "sub-100ms-code-completion",
  "sensitive-slice-hybrid",
];
for (const name of profiles) {
  const input = JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8"));
  const parsed = assessmentInputSchema.parse(input);
  const m = resolveModel(parsed, catalog);
  console.log(
    `${name}: ${m.capacity.chosen.id}, ${m.capacity.considered} configurations considered, ${m.capacity.feasibleCount} meet ${parsed.latency.p95TargetMs} ms`,
  );
  report(
    `resolveModel(${name}) cold`,
    await measure(() => (clearCapacityMemo(), resolveModel(parsed, catalog)), 1000, 100),
  );
  report(`resolveModel(${name}) warm`, await measure(() => resolveModel(parsed, catalog), 3000, 300));
  try {
    report(`evaluate(${name})`, await measure(() => evaluate(input), 30, 5));
  } catch (error) {
    console.log(`evaluate(${name}) failed: ${(error as Error).message}`);
  }
}
