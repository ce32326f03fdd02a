import type { CapacityChoice } from "../capacity/choose";
import type { LatencyParams, OptionLatency, RemoteModel } from "../capacity/latency";
import type { HybridContext, OptionCost, OptionTco } from "../economics/costs";
import type { Model } from "../types";

// What an option is made of (the registry's row type): its cost model (the full cost with series and
// breakdown, and the TCO alone for verdict probes: the same month loops), its p95 latency against the target,
// and its id (its labels and style are the UI's display table, vocabulary.ts OPTION_DISPLAY). Its hard rules
// live in rules/exclusions.ts and its policy scores in catalog/figures.json policy.scores, keyed by its id.

/** What every option's latency is computed from (capacity/index.ts resolveCapacity). */
export type LatencyInputs = {
  params: LatencyParams;
  api: RemoteModel;
  hosted: RemoteModel;
  choice: CapacityChoice;
  /** performance.json p95Factors.e2e: measured end-to-end p95 ÷ median. */
  e2eP95OverMedian: number;
  outputTokensPerRequest: number;
};

/** What the hard rules fixed before any cost (evaluate.ts verdictRules) and the hybrid's minimum share. */
export type PricingContext = { ctx: HybridContext; minShare: number };

/** An option priced on its own. */
export type PureOptionModule<Id extends string = string> = {
  id: Id;
  kind: "pure";
  cost(m: Model, pricing: PricingContext): OptionCost;
  tco(m: Model, pricing: PricingContext): OptionTco;
  latency(q: LatencyInputs): OptionLatency;
};

/** An option built from the pure ones (the hybrid): priced and timed from their costs and latencies. */
export type CompositeOptionModule<Id extends string = string> = {
  id: Id;
  kind: "composite";
  cost(m: Model, pricing: PricingContext, parts: Record<string, OptionCost>): OptionCost;
  tco(m: Model, pricing: PricingContext, parts: Record<string, OptionTco>): OptionTco;
  latency(q: LatencyInputs, parts: Record<string, OptionLatency>): OptionLatency;
};

export type OptionModule<Id extends string = string> = PureOptionModule<Id> | CompositeOptionModule<Id>;
