import { remoteLatency } from "../capacity/latency";
import { externalCost, externalTco } from "../economics/costs";
import type { PureOptionModule } from "./types";

/** Proprietary API: tokens at the priced model's list price (tier default or the user's pick), its published latency. */
export const apiOption: PureOptionModule<"api"> = {
  id: "api",
  kind: "pure",
  cost: (m) => externalCost(m, "api"),
  tco: (m) => externalTco(m, "api"),
  latency: (q) => remoteLatency("api", q.api, q.params),
};
