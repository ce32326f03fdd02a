// Counts the verdict probes whatWouldChange prices per figure for an example (a guide for speed work).
import fs from "node:fs";
import { catalog } from "../../lib/engine/catalog";
import * as ev from "../../lib/engine/evaluate";
import * as mdl from "../../lib/engine/model";
import { whatWouldChange } from "../../lib/engine/what-would-change";
import { assessmentInputSchema } from "../../lib/engine/schema";

const name = process.argv[2] ?? "high-volume-saas";
const input = assessmentInputSchema.parse(JSON.parse(fs.readFileSync(`examples/${name}.json`, "utf8")));
const m = mdl.resolveModel(input, catalog);
const v = ev.verdictOf(m, catalog);
const ruledOut = [...new Set(v.excluded.filter((x) => x.rule !== "no-split").map((x) => x.option))];
const calls: string[] = [];
const counting: typeof ev.liteVerdict = {
  verdict: (mm, c, hints) => {
    calls.push(mm.rows === m.rows ? "probe" : "confirm");
    return ev.liteVerdict.verdict(mm, c, hints);
  },
  rules: ev.verdictRules,
};
const out = whatWouldChange(m, catalog, counting, v.recommendation, ruledOut, v.costs);
console.log(
  name,
  "base",
  v.recommendation,
  "ruled out",
  ruledOut.join(",") || "none",
  "probes",
  calls.filter((c) => c === "probe").length,
  "confirms",
  calls.filter((c) => c === "confirm").length,
);
for (const w of out) console.log(" ", w.assumption, w.from, "->", w.to, w.becomes);
