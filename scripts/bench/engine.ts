// Times evaluate() (including whatWouldChange, break-even, sensitivity and the volume curve) for three
// profiles, and the two parts whatWouldChange is made of: one verdict probe and the whole search.
import fs from "node:fs";
import { evaluate } from "../../lib/engine";
import { catalog } from "../../lib/engine/catalog";
import { verdictOf } from "../../lib/engine/evaluate";
import { resolveModel } from "../../lib/engine/model";
import { assessmentInputSchema } from "../../lib/engine/schema";
import { whatWouldChange } from "../../lib/engine/what-would-change";
import { measure, report } from "./_stats";

const profiles = ["early-prototype", "hospital-patient-data", "high-volume-saas"];
for (const name of profiles) {
  const input = JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8"));
  report(`evaluate(${name})`, await measure(() => evaluate(input), 600, 60));
  const m = resolveModel(assessmentInputSchema.parse(input), catalog);
  const v = verdictOf(m, catalog, { lite: true });
  const ruledOut = [...new Set(v.excluded.filter((x) => x.rule !== "no-split").map((x) => x.option))];
  report(`  verdict probe(${name})`, await measure(() => verdictOf(m, catalog, { lite: true }), 2000, 200));
  report(`  whatWouldChange(${name})`, await measure(() => whatWouldChange(m, catalog, v.recommendation, ruledOut, v.costs), 300, 30));
}
