import type { ApiTier, Catalog, OpenSizeClass, PriceTable } from "./catalog";
import type { CapacityChoice } from "./capacity/choose";
import type { OptionLatency } from "./capacity/latency";
import type { AssumptionKey, Option, ParsedAssessmentInput } from "./schema";

// The types the engine's modules share: the resolved model every formula reads, the assumption rows, the
// hosted market quote, the SLO used and the cost breakdown. Type-only, importing only leaf modules, so any
// module (and vocabulary.ts, which the UI reads) can import it without an import cycle.

export type AssumptionRow = {
  key: AssumptionKey;
  label: string;
  unit: string;
  group: string;
  value: number;
  catalogValue: number;
  low: number;
  high: number;
  overridden: boolean;
  source: string;
  asOf: string;
  /** Evidence grade of the catalog figure (measured | derived | assumed); absent for a row whose producer does not grade it yet. */
  grade?: "measured" | "derived" | "assumed";
  /** How a derived figure was computed. */
  derivation?: string;
};

/**
 * v1.2: one price override and the model it prices. `setOn` is the model it was entered for
 * (`input.overrideModels`; the priced model when unbound); `applied` is false when the answers now price
 * another model, whose list price is used instead.
 */
export type PriceOverride = {
  key: AssumptionKey;
  value: number;
  /** "api" (proprietary model) or "hosted-open" (open model at hosted providers). */
  option: "api" | "hosted-open";
  setOn: string;
  setOnLabel: string;
  priced: string;
  pricedLabel: string;
  /** The priced model's list figure (what is used when the override is held). */
  listValue: number;
  applied: boolean;
};

export type Model = {
  input: ParsedAssessmentInput;
  apiTier: ApiTier;
  openSize: OpenSizeClass;
  apiModelLabel: string;
  hostedModelLabel: string;
  openModelLabel: string;
  gpuLabel: string;
  apiPrice: PriceTable;
  hostedPrice: PriceTable;
  values: Record<AssumptionKey, number>;
  rows: AssumptionRow[];
  /** Blended $/M of the tier's cheapest and dearest models relative to the default (sensitivity). */
  apiPriceSpread: { low: number; high: number; source: string };
  throughputSource: string;
  /** Tokens per day in month 1 (requests × (input + output)): computed once, read everywhere. */
  tokensPerDay: number;
  /** The self-hosted configuration (open model × GPU × precision × GPUs per replica), its runners-up and the SLO it is sized at. */
  capacity: CapacityChoice & { slo: SloUsed; why: string };
  /** Every option's p95 latency against the target, with the numbers. */
  latency: Record<Option, OptionLatency>;
  /** The proprietary model priced, when the tier default cannot serve the workload (context or latency) and another one can. */
  apiSwitch?: string;
  /** Said when the request is longer than some open models of the tier read: the context window decided the open model (model.ts contextDecided). */
  contextDecided?: string;
  /**
   * True when the sensitive share of traffic may not go to the proprietary API: prompts must stay
   * in house, or the data is regulated and no API channel in the catalog covers every regulation.
   * A hybrid then keeps exactly that share in house.
   */
  sensitiveStaysIn: boolean;
  /** The proprietary model priced (vendor and id: its compliance channels). */
  apiRef: { vendor: string; id: string };
  /** The hosted open-weights market quote priced: median of the providers meeting the compliance need (price null: none does). */
  hostedQuote: HostedQuote;
  /** v1.2: every price override with the model it was set on and whether it prices the model in use. */
  priceOverrides: PriceOverride[];
};

export type MarketOffer = Catalog["hostedMarket"]["models"][number]["offers"][number];

export type HostedQuote = {
  modelId: string;
  modelLabel: string;
  /** Offers on compliant channels (every offer when nothing needs covering), cheapest first. */
  eligible: MarketOffer[];
  /** Every offer of the model, cheapest first. */
  offers: MarketOffer[];
  /** Median price of the eligible offers (null: no eligible offer). */
  price: PriceTable | null;
  /** Blended price of the cheapest and dearest eligible offer relative to the median. */
  spread: { low: number; high: number };
  /** "median of 5 providers (Groq, …)" */
  source: string;
  asOf: string;
};

export type SloUsed = {
  measure: "full-response" | "first-token";
  targetMs: number;
  /** p95 the replica runs at (including the network hop), ms. */
  p95Ms: number;
  ttftMs: number;
  tpotMs: number;
  e2eMs: number;
  concurrency: number;
  met: boolean;
};

export type Breakdown = {
  tokens?: number;
  gpus?: number;
  power?: number;
  colocation?: number;
  maintenance?: number;
  people?: number;
  overheads?: number;
  fineTuning?: number;
  setup?: number;
};

export type HybridSplit = {
  mode: "sensitive-in-house" | "frontier-routing" | "base-load";
  /** Share of tokens over the horizon served on your own GPUs; the rest goes to `external` (and the frontier share to the API). */
  selfHostedShare: number;
  /** Where traffic the own fleet does not take goes: the proprietary API or the same open model at a hosted provider. */
  external: "api" | "hosted-open";
  /** Share of tokens that must stay in house (sensitive) and that must go to the frontier API. */
  mandatoryInHouseShare: number;
  frontierShare: number;
  /** Average load ÷ SLO capacity of the own fleet in month 1. */
  utilization: number;
  /** When the cheapest split sends (nearly) everything one way: that pure option. It is then not a hybrid. */
  pure: Option | null;
  /** The split in plain English, with the models, shares, GPU count and utilization. */
  text: string;
};
