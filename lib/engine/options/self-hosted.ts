import { selfHostedLatency } from "../capacity/latency";
import { selfHostedCost, selfHostedTco } from "../economics/costs";
import type { PureOptionModule } from "./types";

/** Self-hosted: the chosen open model × GPU configuration's fleet month by month (economics/fleet.ts), its modelled p95. */
export const selfHostedOption: PureOptionModule<"self-hosted"> = {
  id: "self-hosted",
  kind: "pure",
  cost: (m) => selfHostedCost(m),
  tco: (m) => selfHostedTco(m),
  latency: (q) => selfHostedLatency(q.choice, q.e2eP95OverMedian, q.outputTokensPerRequest),
};
