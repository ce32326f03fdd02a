import type { ApiTier, Catalog, OpenSizeClass, PriceTable } from "./catalog";
import type { AssumptionKey, Option, ParsedAssessmentInput } from "./schema";
import { ASSUMPTION_BOUNDS } from "./schema";
import { economicsDefs } from "./economics/assumptions";

// Resolves a parsed input against the catalog into one flat "model" of numbers the cost, rule
// and break-even code use, plus the provenance of every figure (for the assumptions panel,
// the /catalog page and the PDF). User overrides win over catalog values.

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
  /**
   * True when the sensitive share of traffic may not go to the proprietary API: prompts must stay
   * in house, or the data is regulated and no API channel in the catalog covers every regulation.
   * A hybrid then keeps exactly that share in house.
   */
  sensitiveStaysIn: boolean;
};

/** Regulated data that needs a covering compliance channel before it may leave the house. */
export function needsCompliance(input: ParsedAssessmentInput): boolean {
  const regs = input.data.regulations;
  return regs.length > 0 && (input.data.sensitivity === "regulated" || regs.some((r) => r !== "soc2"));
}

/** The first external channel of `option` whose compliance covers every regulation that applies. */
export function coveringChannel(catalog: Catalog, option: "api" | "hosted-open", regs: readonly string[]) {
  return catalog.compliance.channels.filter((c) => c.option === option).find((c) => regs.every((r) => (c.covers as string[]).includes(r)));
}

export const HOURS_PER_MONTH = 8760 / 12;
export const DAYS_PER_MONTH = 365 / 12;
export const SECONDS_PER_DAY = 86_400;

export function apiTierFor(frontier: ParsedAssessmentInput["capability"]["frontier"]): ApiTier {
  // "required" is priced against frontier models, "helpful" against the mid tier, else the small tier.
  return frontier === "required" ? "frontier" : frontier === "helpful" ? "mid" : "small";
}

function blended(p: PriceTable, inTok: number, outTok: number) {
  const total = inTok + outTok || 1;
  return (p.inputUsdPerMTok * inTok + p.outputUsdPerMTok * outTok) / total;
}

/** Nearest measured workload shape (log distance in input and output tokens), scaled to SLO capacity. */
export function throughputFor(catalog: Catalog, size: OpenSizeClass, inTok: number, outTok: number) {
  const li = Math.log(Math.max(inTok, 1));
  const lo = Math.log(Math.max(outTok, 1));
  let best: Catalog["throughput"]["points"][number] | undefined;
  let bestD = Infinity;
  for (const p of catalog.throughput.points) {
    if (p.sizeClass !== size) continue;
    const d = (Math.log(p.inputTokens) - li) ** 2 + (Math.log(p.outputTokens) - lo) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  if (!best) throw new Error(`catalog has no throughput point for ${size}`);
  const total = (best.outputTokensPerSecond * (best.inputTokens + best.outputTokens)) / best.outputTokens;
  const headroom = best.maxThroughput ? catalog.throughput.sloHeadroomFactor.value : 1;
  return {
    tokensPerSecond: total / headroom,
    source: `${best.source} (${best.inputTokens}/${best.outputTokens} tokens${best.maxThroughput ? `, ÷${headroom} max-to-SLO headroom` : ""})`,
    asOf: best.asOf,
  };
}

export function resolveModel(input: ParsedAssessmentInput, catalog: Catalog): Model {
  const apiTier = apiTierFor(input.capability.frontier);
  const openSize = catalog.qualityPairing[apiTier] as OpenSizeClass;
  const api = catalog.apiModels.find((m) => m.tier === apiTier && m.default)!;
  const hosted = catalog.hostedOpenModels.find((m) => m.sizeClass === openSize && m.default)!;
  const gpu = catalog.gpus.find((g) => g.id === input.deployment.gpu)!;
  // economics: the GPU rate row ("gpu.usdPerHour") comes from economicsDefs (catalog/gpu-market.json, by source and term)
  const { volume, team } = input;
  const thr = throughputFor(catalog, openSize, volume.inputTokensPerRequest, volume.outputTokensPerRequest);
  const openModel = catalog.openModels[openSize];
  if (!openModel) throw new Error(`catalog has no open model for ${openSize}`);
  const gpusPerReplicaH100 = openModel.gpusPerReplicaOnH100;
  // GPUs per replica from the memory one replica needs, rounded up to a power of two (tensor
  // parallelism splits attention heads evenly): 70B FP8 -> 2x H100, 1x H200, 4x L40S.
  const gpusPerReplica = 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(openModel.memoryGbPerReplica / gpu.memoryGb))));
  const perReplicaTps = (thr.tokensPerSecond * gpu.relativeThroughput * gpusPerReplica) / gpusPerReplicaH100;
  const fig = (k: string) => {
    const f = catalog.figures[k];
    if (!f) throw new Error(`catalog figure ${k} missing`);
    return f;
  };
  const apiRef = `${api.label}: ${api.source}`;
  const hostedRef = `${hosted.label}: ${hosted.source}`;
  const apiBlend = catalog.apiModels
    .filter((m) => m.tier === apiTier)
    .map((m) => blended(m.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest));
  const apiBase = blended(api.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest) || 1;
  const staffFig = fig(`people.fte.${team.mlOpsMaturity}`);
  const setupFig = fig(`people.setupMonths.${team.mlOpsMaturity}`);

  type Def = { label: string; group: string; value: number; low: number; high: number; source: string; asOf: string };
  const defs: Record<AssumptionKey, Def> = {
    "api.inputUsdPerMTok": { label: `${api.label} input price`, group: "API pricing", value: api.price.inputUsdPerMTok, low: api.price.inputUsdPerMTok, high: api.price.inputUsdPerMTok, source: apiRef, asOf: api.asOf },
    "api.cachedInputUsdPerMTok": { label: `${api.label} cached input price`, group: "API pricing", value: api.price.cachedInputUsdPerMTok, low: api.price.cachedInputUsdPerMTok, high: api.price.cachedInputUsdPerMTok, source: apiRef, asOf: api.asOf },
    "api.outputUsdPerMTok": { label: `${api.label} output price`, group: "API pricing", value: api.price.outputUsdPerMTok, low: api.price.outputUsdPerMTok, high: api.price.outputUsdPerMTok, source: apiRef, asOf: api.asOf },
    "api.batchDiscount": { ...fig("api.batchDiscount") },
    "hostedOpen.inputUsdPerMTok": { label: `${hosted.label} input price`, group: "Hosted open-weights pricing", value: hosted.price.inputUsdPerMTok, low: hosted.price.inputUsdPerMTok, high: hosted.price.inputUsdPerMTok, source: hostedRef, asOf: hosted.asOf },
    "hostedOpen.outputUsdPerMTok": { label: `${hosted.label} output price`, group: "Hosted open-weights pricing", value: hosted.price.outputUsdPerMTok, low: hosted.price.outputUsdPerMTok, high: hosted.price.outputUsdPerMTok, source: hostedRef, asOf: hosted.asOf },
    "selfHosted.tokensPerSecondPerReplica": {
      label: `Throughput per replica under the latency SLO (${openModel.label} on ${gpu.label})`,
      group: "Self-hosted capacity",
      value: perReplicaTps,
      low: perReplicaTps * catalog.throughput.spread.low,
      high: perReplicaTps * catalog.throughput.spread.high,
      source: `${thr.source}; ${gpu.label} at ${gpu.relativeThroughput}x H100 (${gpu.relativeThroughputSource}); spread: ${catalog.throughput.spread.source}`,
      asOf: thr.asOf,
    },
    "selfHosted.gpusPerReplica": { label: "GPUs per model replica", group: "Self-hosted capacity", value: gpusPerReplica, low: gpusPerReplica, high: gpusPerReplica, source: `${openModel.memoryGbPerReplica} GB per replica on ${gpu.memoryGb} GB GPUs, rounded up to a power of two for tensor parallelism; ${openModel.source}`, asOf: openModel.asOf },
    "selfHosted.targetUtilization": { ...fig("selfHosted.targetUtilization") },
    "selfHosted.minReplicas": { ...fig("selfHosted.minReplicas") },
    "people.loadedEngineerUsdPerYear": { ...fig("people.loadedEngineerUsdPerYear") },
    "people.fte": { ...staffFig },
    "people.setupEngineerMonths": { ...setupFig },
    "overheads.toolingUsdPerMonth": { ...fig("overheads.toolingUsdPerMonth") },
    "overheads.storageNetworkShareOfGpu": { ...fig("overheads.storageNetworkShareOfGpu") },
    "latency.apiRoundTripMs": { ...fig("latency.apiRoundTripMs") },
    "hybrid.frontierRoutedShare": { ...fig("hybrid.frontierRoutedShare") },
    ...economicsDefs(input, catalog, input.deployment.gpu, apiTier, openSize), // GPU terms, staff ratios, price trends (economics)
  };

  const overrides = input.assumptions ?? {};
  const values = {} as Record<AssumptionKey, number>;
  const rows: AssumptionRow[] = [];
  for (const key of Object.keys(defs) as AssumptionKey[]) {
    const d = defs[key];
    const o = overrides[key];
    values[key] = o ?? d.value;
    rows.push({
      key,
      label: d.label,
      unit: ASSUMPTION_BOUNDS[key].unit,
      group: d.group,
      value: values[key],
      catalogValue: d.value,
      low: d.low,
      high: d.high,
      overridden: o !== undefined && o !== d.value,
      source: d.source,
      asOf: d.asOf,
    });
  }
  const overriddenPrice = (p: PriceTable, inKey: AssumptionKey, outKey: AssumptionKey, cachedKey?: AssumptionKey): PriceTable =>
    overrides[inKey] === undefined && overrides[outKey] === undefined && (!cachedKey || overrides[cachedKey] === undefined)
      ? p
      : // A user's own price replaces the list price and its context tiers.
        {
          inputUsdPerMTok: values[inKey],
          outputUsdPerMTok: values[outKey],
          cachedInputUsdPerMTok: cachedKey ? values[cachedKey] : values[inKey],
          tiers: [],
        };

  return {
    input,
    apiTier,
    openSize,
    apiModelLabel: api.label,
    hostedModelLabel: hosted.label,
    openModelLabel: openModel.label,
    gpuLabel: gpu.label,
    apiPrice: overriddenPrice(api.price, "api.inputUsdPerMTok", "api.outputUsdPerMTok", "api.cachedInputUsdPerMTok"),
    hostedPrice: overriddenPrice(hosted.price, "hostedOpen.inputUsdPerMTok", "hostedOpen.outputUsdPerMTok"),
    values,
    rows,
    apiPriceSpread: {
      low: Math.min(...apiBlend) / apiBase,
      high: Math.max(...apiBlend) / apiBase,
      source: `blended price of the ${apiTier}-tier models in the catalog relative to ${api.label}`,
    },
    throughputSource: thr.source,
    sensitiveStaysIn: input.data.mustStayInHouse || (needsCompliance(input) && !coveringChannel(catalog, "api", input.data.regulations)),
  };
}

export type { Option };
