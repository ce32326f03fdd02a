import { hybridLatency } from "../capacity/latency";
import { hybridCost, hybridTco, type OptionCost, type OptionTco } from "../economics/costs";
import type { CompositeOptionModule } from "./types";

type Parts<T> = Record<"api" | "hosted-open" | "self-hosted", T>;

/** Hybrid: the optimised split of own GPUs and a spill target, never dearer than its parts; the slower of its paths. */
export const hybridOption: CompositeOptionModule<"hybrid"> = {
  id: "hybrid",
  kind: "composite",
  cost: (m, { ctx, minShare }, parts) => hybridCost(m, ctx, parts as Parts<OptionCost>, minShare),
  tco: (m, { ctx, minShare }, parts) => hybridTco(m, ctx, parts as Parts<OptionTco>, minShare),
  latency: (_q, parts) => hybridLatency(parts["self-hosted"]!, parts.api!),
};
