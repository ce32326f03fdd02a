import { remoteLatency } from "../capacity/latency";
import { externalCost, externalTco } from "../economics/costs";
import type { PureOptionModule } from "./types";

/** Hosted open weights: tokens at the market median of compliant providers (+ fine-tuning runs), their latency. */
export const hostedOpenOption: PureOptionModule<"hosted-open"> = {
  id: "hosted-open",
  kind: "pure",
  cost: (m) => externalCost(m, "hosted-open"),
  tco: (m) => externalTco(m, "hosted-open"),
  latency: (q) => remoteLatency("hosted-open", q.hosted, q.params),
};
