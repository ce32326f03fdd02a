import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
for (const [name, p] of Object.entries(PROFILES)) {
  const e = evaluate(p);
  const near = e.volumeCurve.reduce((a, b) => (Math.abs(Math.log(b.tokensPerDay / e.tokensPerDay)) < Math.abs(Math.log(a.tokensPerDay / e.tokensPerDay)) ? b : a));
  const ho = near["hosted-open"], hy = near.hybrid;
  console.log(name, e.recommendation, e.costs.hybrid.split?.pure, "m1", Math.round(e.costs.hybrid.monthlyUsd[0]!), "curve@here hybrid", Math.round(hy), "hosted", Math.round(ho), "api", Math.round(near.api), "self", Math.round(near["self-hosted"]));
}
