import type { ApiTier, Catalog, OpenSizeClass, PriceTable } from "./catalog";
import type { AssumptionKey, Option, ParsedAssessmentInput } from "./schema";
import { ASSUMPTION_BOUNDS } from "./schema";
import { economicsDefs, resolvedGpuSource } from "./economics/assumptions";
import { ownedTerms } from "./economics/terms";
import { capacityCatalog, remoteLatencyParams, resolveCapacity } from "./capacity";
import { remoteLatency } from "./capacity/latency";
import { figureOf, type FigureKey } from "./catalog";
import { hostedQuote } from "./catalog/market";
import { complianceFor, needsCompliance } from "./compliance";
import { inHouseBinds } from "./data-rules";
import type { AssumptionRow, HostedQuote, Model, PriceOverride } from "./types";
import { capacityPeakFactor, tokensPerDayOfVolume } from "./units";
import { formatTokens } from "./text";

// Re-exported for callers that read them here; engine modules import them from ./types and ./units (no cycles).
export type { AssumptionRow, Model, PriceOverride } from "./types";
export { DAYS_PER_MONTH, HOURS_PER_MONTH, SECONDS_PER_DAY, tokensPerDayOfVolume } from "./units";

export { needsCompliance };

// Resolves a parsed input against the catalog into one flat "model" of numbers the cost, rule
// and break-even code use, plus the provenance of every figure (for the assumptions panel,
// the /catalog page and the PDF). User overrides win over catalog values.

const API_PRICE_KEYS = [
  "api.inputUsdPerMTok",
  "api.cachedInputUsdPerMTok",
  "api.outputUsdPerMTok",
] as const satisfies readonly AssumptionKey[];
const HOSTED_PRICE_KEYS = [
  "hostedOpen.inputUsdPerMTok",
  "hostedOpen.outputUsdPerMTok",
] as const satisfies readonly AssumptionKey[];

export function apiTierFor(frontier: ParsedAssessmentInput["capability"]["frontier"]): ApiTier {
  // "required" is priced against frontier models, "helpful" against the mid tier, else the small tier.
  return frontier === "required" ? "frontier" : frontier === "helpful" ? "mid" : "small";
}

function blended(p: PriceTable, inTok: number, outTok: number) {
  const total = inTok + outTok || 1;
  return (p.inputUsdPerMTok * inTok + p.outputUsdPerMTok * outTok) / total;
}

/** USD per GPU-hour of each GPU at the input's source and term (economics' figures); undefined when the market has no rate for it. */
const rateCache = new WeakMap<Catalog, Map<string, GpuRates>>();
const RATE_INPUTS_MAX = 2_000;
type GpuRates = {
  rate: (gpuId: string) => number | undefined;
  /** Every capacity GPU's rate, joined in catalog order: the ranking's memo key for the rates. */
  ratesKey: string;
};
function gpuRates(input: ParsedAssessmentInput, catalog: Catalog, apiTier: ApiTier, openSize: OpenSizeClass): GpuRates {
  // The rate depends on the GPU, on where GPUs come from (the resolved source and term: the answers,
  // an offline site, data that must stay in house or ITAR) and on the user's overrides, not on volume.
  // Owned servers rank at economics' all-in hourly equivalent (depreciation + power + colocation +
  // maintenance per GPU-hour), the cost the fleet is charged.
  const { source, term } = resolvedGpuSource(input);
  const key = `${source}|${term}|${input.assumptions ? JSON.stringify(input.assumptions) : ""}`;
  let byInput = rateCache.get(catalog);
  if (!byInput) rateCache.set(catalog, (byInput = new Map()));
  let hit = byInput.get(key);
  if (!hit) {
    const memo = new Map<string, number | undefined>();
    const rate = (gpuId: string) => {
      if (memo.has(gpuId)) return memo.get(gpuId);
      let r: number | undefined;
      try {
        const defs = economicsDefs(input, catalog, gpuId, apiTier, openSize);
        const overrides = (input.assumptions ?? {}) as Record<string, number | undefined>;
        if (source === "owned" && overrides["gpu.usdPerHour"] === undefined) {
          const values = Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, overrides[k] ?? v.value]));
          r = ownedTerms({ values } as unknown as Model).allInUsdPerGpuHour;
        } else r = defs["gpu.usdPerHour"].value;
      } catch {
        r = undefined;
      }
      memo.set(gpuId, r);
      return r;
    };
    if (byInput.size >= RATE_INPUTS_MAX) byInput.clear();
    byInput.set(
      key,
      (hit = {
        rate,
        ratesKey: capacityCatalog(catalog)
          .gpus.map((g) => rate(g.id))
          .join(","),
      }),
    );
  }
  return hit;
}

/** The open model a hosted offer serves, matched by label ("Llama 3.3 70B (Together)" → Llama 3.3 70B Instruct). */
function openModelOfHosted<T extends { label: string }>(models: T[], hostedLabel: string): T | undefined {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/\(.*\)/g, "")
      .replace(/[^a-z0-9]/g, "");
  const h = norm(hostedLabel);
  return h ? models.find((m) => norm(m.label).startsWith(h)) : undefined;
}

type Def = {
  label: string;
  group: string;
  value: number;
  low: number;
  high: number;
  source: string;
  asOf: string;
  grade?: AssumptionRow["grade"];
  derivation?: string;
};

/** The row of an assumption (its catalog definition, the user's override) and its value in use. */
function pushRow(
  rows: AssumptionRow[],
  values: Record<AssumptionKey, number>,
  overrides: Partial<Record<AssumptionKey, number>> | undefined,
  key: AssumptionKey,
  d: Def,
) {
  const o = overrides?.[key];
  const value = o ?? d.value;
  values[key] = value;
  const row: AssumptionRow = {
    key,
    label: d.label,
    unit: unitOf(key),
    group: d.group,
    value,
    catalogValue: d.value,
    low: d.low,
    high: d.high,
    overridden: o !== undefined && o !== d.value,
    source: d.source,
    asOf: d.asOf,
  };
  if (d.grade) row.grade = d.grade;
  if (d.derivation) row.derivation = d.derivation;
  rows.push(row);
}

let units: Map<string, string> | undefined;
/** ASSUMPTION_BOUNDS[key].unit, from a map built on first use. */
function unitOf(key: AssumptionKey): string {
  units ??= new Map(Object.entries(ASSUMPTION_BOUNDS).map(([k, b]) => [k, b.unit]));
  return units.get(key)!;
}

const econEntries = new WeakMap<object, [AssumptionKey, Def][]>();
/** Object.entries of a (memoised, shared) economicsDefs record, kept with it. */
function economicsEntries(defs: ReturnType<typeof economicsDefs>): [AssumptionKey, Def][] {
  let e = econEntries.get(defs);
  if (!e) econEntries.set(defs, (e = Object.entries(defs) as [AssumptionKey, Def][]));
  return e;
}

/** Whether an API model meets the latency target and reads the request (remoteLatency's verdict). */
function apiMeetsLatency(m: Catalog["apiModels"][number], params: ReturnType<typeof remoteLatencyParams>): boolean {
  return remoteLatency(
    "api",
    {
      label: m.label,
      ttftSeconds: m.timeToFirstTokenSeconds,
      outputTokensPerSecond: m.outputTokensPerSecond,
      contextTokens: m.contextTokens.value,
    },
    params,
  ).feasible;
}

/** Blended price of a request at a hosted quote (Infinity: no compliant offer). */
function perRequestUsd(q: HostedQuote, volume: ParsedAssessmentInput["volume"]): number {
  return q.price ? blended(q.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest) : Infinity;
}

/** The list price, or the user's own price (which replaces the list price and its context tiers). */
function overriddenPrice(
  overrides: Partial<Record<AssumptionKey, number>>,
  values: Record<AssumptionKey, number>,
  p: PriceTable,
  inKey: AssumptionKey,
  outKey: AssumptionKey,
  cachedKey?: AssumptionKey,
): PriceTable {
  return overrides[inKey] === undefined &&
    overrides[outKey] === undefined &&
    (!cachedKey || overrides[cachedKey] === undefined)
    ? p
    : {
        inputUsdPerMTok: values[inKey],
        outputUsdPerMTok: values[outKey],
        cachedInputUsdPerMTok: cachedKey ? values[cachedKey] : values[inKey],
        tiers: [],
      };
}

const PRICE_FIELD = {
  "api.inputUsdPerMTok": "inputUsdPerMTok",
  "api.cachedInputUsdPerMTok": "cachedInputUsdPerMTok",
  "api.outputUsdPerMTok": "outputUsdPerMTok",
  "hostedOpen.inputUsdPerMTok": "inputUsdPerMTok",
  "hostedOpen.outputUsdPerMTok": "outputUsdPerMTok",
} as const;

/**
 * The price overrides of the input with the model each was set on; those bound to another model than
 * the one priced are held. Returns the input with held overrides removed (what the figures then use).
 */
function bindPriceOverrides(
  input: ParsedAssessmentInput,
  catalog: Catalog,
  api: { id: string; label: string; price: PriceTable },
  hosted: { id: string; label: string; price: PriceTable },
): { input: ParsedAssessmentInput; priceOverrides: PriceOverride[] } {
  const a = input.assumptions;
  if (!a) return { input, priceOverrides: [] };
  const out: PriceOverride[] = [];
  const held = new Set<AssumptionKey>();
  const groups = [
    {
      option: "api" as const,
      keys: API_PRICE_KEYS,
      priced: api,
      bound: input.overrideModels?.api,
      labelOf: (id: string) => catalog.apiModels.find((m) => m.id === id)?.label ?? id,
    },
    {
      option: "hosted-open" as const,
      keys: HOSTED_PRICE_KEYS,
      priced: hosted,
      bound: input.overrideModels?.hostedOpen,
      labelOf: (id: string) => capacityCatalog(catalog).openModels.find((m) => m.id === id)?.label ?? id,
    },
  ];
  for (const g of groups) {
    for (const key of g.keys) {
      const value = a[key];
      if (value === undefined) continue;
      const setOn = g.bound ?? g.priced.id;
      const applied = setOn === g.priced.id;
      if (!applied) held.add(key);
      out.push({
        key,
        value,
        option: g.option,
        setOn,
        setOnLabel: applied ? g.priced.label : g.labelOf(setOn),
        priced: g.priced.id,
        pricedLabel: g.priced.label,
        listValue: g.priced.price[PRICE_FIELD[key]],
        applied,
      });
    }
  }
  if (!held.size) return { input, priceOverrides: out };
  const kept = Object.fromEntries(Object.entries(a).filter(([k]) => !held.has(k as AssumptionKey)));
  return { input: { ...input, assumptions: kept }, priceOverrides: out };
}

/** The sentence that says an override was held because another model is priced now. */
export function heldOverrideText(o: PriceOverride): string {
  const what = o.key.endsWith("cachedInputUsdPerMTok")
    ? "cached input price"
    : o.key.endsWith("inputUsdPerMTok")
      ? "input price"
      : "output price";
  const fmt = (x: number) => `$${+x.toPrecision(4)}/M tokens`;
  return `Your ${what} of ${fmt(o.value)} was set for ${o.setOnLabel}; your answers now price ${o.pricedLabel}, at its list ${what} of ${fmt(o.listValue)}. Your figure is not applied to it unless you keep it for ${o.pricedLabel}.`;
}

/**
 * The proprietary model priced: the user's pick (capability.apiModel), else the tier default, unless it cannot
 * read the prompt or meet the latency target and another model of the tier can; `apiSwitch` says why when not the default.
 */
function pricedApiModel(
  input: ParsedAssessmentInput,
  catalog: Catalog,
  apiTier: ApiTier,
  latencyParams: ReturnType<typeof remoteLatencyParams>,
) {
  const { volume } = input;
  // The proprietary model: the tier default, unless it cannot read the prompt or meet the latency
  // target and another model of the tier can (then the cheapest of those for this workload).
  const tierModels = catalog.apiModels.filter((m) => m.tier === apiTier);
  const defaultApi = tierModels.find((m) => m.default)!;
  // A model the user picked (capability.apiModel) is priced as chosen; an id the catalog no longer has falls back to the default, and says so.
  const picked = input.capability.apiModel
    ? catalog.apiModels.find((m) => m.id === input.capability.apiModel)
    : undefined;
  let api = picked ?? defaultApi;
  let apiSwitch: string | undefined =
    input.capability.apiModel && !picked
      ? `${input.capability.apiModel} is not in catalog ${catalog.catalogVersion}; the ${apiTier}-tier default ${defaultApi.label} is priced instead.`
      : undefined;
  if (!picked && !apiMeetsLatency(defaultApi, latencyParams)) {
    const fits = tierModels
      .filter((m) => apiMeetsLatency(m, latencyParams))
      .sort(
        (a, b) =>
          blended(a.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest) -
          blended(b.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest),
      );
    if (fits[0]) {
      api = fits[0];
      apiSwitch = `${api.label} is priced instead of the ${apiTier}-tier default ${defaultApi.label}, which ${defaultApi.contextTokens.value < volume.inputTokensPerRequest + volume.outputTokensPerRequest ? `reads at most ${String(defaultApi.contextTokens.value)} tokens` : "cannot meet your latency target"}.`;
    }
  }
  return { api, apiSwitch };
}

/** The hosted open-weights offer priced: the tier's open model whose compliant market median is cheapest for the workload. */
function pricedHostedModel(
  input: ParsedAssessmentInput,
  catalog: Catalog,
  cc: ReturnType<typeof capacityCatalog>,
  apiTier: ApiTier,
) {
  const { volume } = input;
  // Hosted open weights: of the tier's open models sold by hosted providers that read the request, the
  // one whose market median (over providers meeting the compliance need) is cheapest for this workload.
  // Models that cannot read the request (prompt + output beyond their context window) are not candidates while one can.
  const hostedAll = cc.openModels.filter((o) => catalog.hostedMarket.models.some((h) => h.id === o.id));
  const requestTokens = volume.inputTokensPerRequest + volume.outputTokensPerRequest;
  const tierOpen = hostedAll.filter((o) => o.qualityTier === apiTier);
  const pool = [
    tierOpen.filter((o) => o.contextWindowTokens.value >= requestTokens),
    hostedAll.filter((o) => o.contextWindowTokens.value >= requestTokens),
    tierOpen,
    hostedAll,
  ].find((xs) => xs.length > 0)!;
  const quotes = pool.map((o) => hostedQuote(catalog, o.id, input));
  const quote = [...quotes].sort((a, b) => perRequestUsd(a, volume) - perRequestUsd(b, volume))[0]!;
  const marketPrice =
    quote.price ?? hostedQuote(catalog, quote.modelId, { data: { ...input.data, regulations: [] } }).price!;
  const offers = quote.eligible.length ? quote.eligible : quote.offers;
  const hosted = {
    label: `${quote.modelLabel} (${quote.eligible.length > 1 ? `median of ${quote.eligible.length} providers` : (quote.eligible[0]?.label ?? "no compliant provider")})`,
    price: marketPrice,
    source: quote.source,
    asOf: quote.asOf,
    inputRange: offers.map((o) => o.price.inputUsdPerMTok),
    outputRange: offers.map((o) => o.price.outputUsdPerMTok),
  };
  const hostedOpen =
    cc.openModels.find((o) => o.id === quote.modelId) ?? openModelOfHosted(cc.openModels, hosted.label);
  return { quote, marketPrice, hosted, hostedOpen };
}

export function resolveModel(rawInput: ParsedAssessmentInput, catalog: Catalog): Model {
  let input = rawInput;
  const apiTier = apiTierFor(input.capability.frontier);
  const openSize = catalog.qualityPairing[apiTier] as OpenSizeClass;
  const { volume, team } = input;
  const tokensPerDay = tokensPerDayOfVolume(volume);
  const overridesEarly = input.assumptions ?? {};
  const cc = capacityCatalog(catalog);
  const netFig = cc.figure("capacity.network.remoteApiMs");
  const networkToApiMs = overridesEarly["latency.apiRoundTripMs"] ?? netFig.value;
  const latencyParams = remoteLatencyParams(catalog, input, networkToApiMs);
  const { api, apiSwitch } = pricedApiModel(input, catalog, apiTier, latencyParams);
  const { quote, marketPrice, hosted, hostedOpen } = pricedHostedModel(input, catalog, cc, apiTier);
  const requestTokens = volume.inputTokensPerRequest + volume.outputTokensPerRequest;
  // Price overrides bound to a model other than the one priced now are held (list prices are used, and the result says so).
  const bound = bindPriceOverrides(input, catalog, api, {
    id: quote.modelId,
    label: quote.modelLabel,
    price: marketPrice,
  });
  input = bound.input;
  const cap = resolveCapacity({
    input,
    catalog,
    tier: apiTier,
    tokensPerDay,
    peakToAverage: capacityPeakFactor(volume.peakToAverage, volume.batchShare),
    targetUtilization:
      overridesEarly["selfHosted.targetUtilization"] ?? figureOf(catalog, "selfHosted.targetUtilization").value,
    minReplicas: overridesEarly["selfHosted.minReplicas"] ?? figureOf(catalog, "selfHosted.minReplicas").value,
    networkToApiMs,
    ...gpuRates(input, catalog, apiTier, openSize),
    api: {
      label: api.label,
      timeToFirstTokenSeconds: api.timeToFirstTokenSeconds,
      outputTokensPerSecond: api.outputTokensPerSecond,
      contextTokens: api.contextTokens,
    },
    hosted: { label: hosted.label, ...(hostedOpen ? { contextTokens: hostedOpen.contextWindowTokens } : {}) },
  });
  const ch = cap.choice;
  const chosen = ch.chosen;
  const gpusPerReplica = chosen.gpusPerReplica;
  const perReplicaTps = chosen.tokensPerSecondPerReplica;
  // Spread of the SLO throughput: twice the fit's median error (at least ±15%) for a measured
  // calibration, ±35% for one carried over from another GPU or model.
  const fitErr = cc.performance.calibrations.find(
    (c) =>
      c.modelId === chosen.modelId &&
      c.gpuId === chosen.gpuId &&
      c.precision === chosen.precision &&
      c.tp === chosen.gpusPerReplica,
  )?.fitError.throughput;
  const spread = chosen.calibration.grade === "measured" && fitErr !== undefined ? Math.max(0.15, 2 * fitErr) : 0.35;
  const configLabel = `${chosen.modelLabel} ${chosen.precision.toUpperCase()} on ${chosen.gpusPerReplica}× ${chosen.gpuLabel}`;
  const sloText = `${input.latency.measure === "first-token" ? "first token" : "full response"} p95 ≤ ${input.latency.p95TargetMs} ms`;
  const thr = {
    source: `performance model (lib/engine/capacity/perf.ts) at ${Math.round(chosen.point.concurrency * 10) / 10} requests in flight, ${volume.inputTokensPerRequest}/${volume.outputTokensPerRequest} tokens, ${sloText}; calibrated on ${chosen.calibration.source}`,
    asOf: cc.performance.asOf,
  };
  const apiRef = `${api.label}: ${api.source}`;
  const hostedRef = `${hosted.label}: ${hosted.source}`;
  const apiBlend = catalog.apiModels
    .filter((m) => m.tier === apiTier)
    .map((m) => blended(m.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest));
  const apiBase = blended(api.price, volume.inputTokensPerRequest, volume.outputTokensPerRequest) || 1;
  const staffFig = figureOf(catalog, `people.fte.${team.mlOpsMaturity}` as FigureKey);
  const setupFig = figureOf(catalog, `people.setupMonths.${team.mlOpsMaturity}` as FigureKey);

  const defs: Partial<Record<AssumptionKey, Def>> = {
    "api.inputUsdPerMTok": {
      label: `${api.label} input price`,
      group: "API pricing",
      value: api.price.inputUsdPerMTok,
      low: api.price.inputUsdPerMTok,
      high: api.price.inputUsdPerMTok,
      source: apiRef,
      asOf: api.asOf,
      grade: "measured",
    },
    "api.cachedInputUsdPerMTok": {
      label: `${api.label} cached input price`,
      group: "API pricing",
      value: api.price.cachedInputUsdPerMTok,
      low: api.price.cachedInputUsdPerMTok,
      high: api.price.cachedInputUsdPerMTok,
      source: apiRef,
      asOf: api.asOf,
      grade: "measured",
    },
    "api.outputUsdPerMTok": {
      label: `${api.label} output price`,
      group: "API pricing",
      value: api.price.outputUsdPerMTok,
      low: api.price.outputUsdPerMTok,
      high: api.price.outputUsdPerMTok,
      source: apiRef,
      asOf: api.asOf,
      grade: "measured",
    },
    "api.batchDiscount": figureOf(catalog, "api.batchDiscount"),
    "hostedOpen.inputUsdPerMTok": {
      label: `${hosted.label} input price`,
      group: "Hosted open-weights pricing",
      value: hosted.price.inputUsdPerMTok,
      low: Math.min(hosted.price.inputUsdPerMTok, ...hosted.inputRange),
      high: Math.max(hosted.price.inputUsdPerMTok, ...hosted.inputRange),
      source: hostedRef,
      asOf: hosted.asOf,
      grade: "derived",
      derivation:
        "median of the list prices of the providers meeting the compliance need; range = their cheapest and dearest",
    },
    "hostedOpen.outputUsdPerMTok": {
      label: `${hosted.label} output price`,
      group: "Hosted open-weights pricing",
      value: hosted.price.outputUsdPerMTok,
      low: Math.min(hosted.price.outputUsdPerMTok, ...hosted.outputRange),
      high: Math.max(hosted.price.outputUsdPerMTok, ...hosted.outputRange),
      source: hostedRef,
      asOf: hosted.asOf,
      grade: "derived",
      derivation:
        "median of the list prices of the providers meeting the compliance need; range = their cheapest and dearest",
    },
    "selfHosted.tokensPerSecondPerReplica": {
      label: `Throughput per replica at your latency target (${configLabel})`,
      group: "Self-hosted capacity",
      value: perReplicaTps,
      low: perReplicaTps * (1 - spread),
      high: perReplicaTps * (1 + spread),
      source: `${thr.source}; range ±${Math.round(spread * 100)}% (${chosen.calibration.grade === "measured" ? "twice the fit's median error, at least 15%" : "calibration carried over from another configuration"})`,
      asOf: thr.asOf,
      grade: "derived",
      derivation:
        "performance model (bandwidth- and compute-bound decode, prefill, queueing) fitted to measured serving points, evaluated at the concurrency that meets the latency target",
    },
    "selfHosted.gpusPerReplica": {
      label: `GPUs per model replica (${configLabel})`,
      group: "Self-hosted capacity",
      value: gpusPerReplica,
      low: gpusPerReplica,
      high: gpusPerReplica,
      source: `${chosen.modelLabel} ${chosen.precision.toUpperCase()} weights plus KV cache for ${Math.round(chosen.point.concurrency * 10) / 10} sequences of ${volume.inputTokensPerRequest + volume.outputTokensPerRequest} tokens: ${Math.round(chosen.point.memoryGb)} GB on ${gpusPerReplica}× ${chosen.gpuLabel} (catalog/open-models.json, catalog/gpus.json)`,
      asOf: cc.performance.asOf,
      grade: "derived",
      derivation:
        "weights plus KV cache at the sized concurrency ÷ GPU memory, rounded up to a power of two for tensor parallelism",
    },
    "selfHosted.targetUtilization": figureOf(catalog, "selfHosted.targetUtilization"),
    "selfHosted.minReplicas": figureOf(catalog, "selfHosted.minReplicas"),
    "people.loadedEngineerUsdPerYear": figureOf(catalog, "people.loadedEngineerUsdPerYear"),
    "people.fte": staffFig,
    "people.setupEngineerMonths": setupFig,
    "overheads.toolingUsdPerMonth": figureOf(catalog, "overheads.toolingUsdPerMonth"),
    "overheads.storageNetworkShareOfGpu": figureOf(catalog, "overheads.storageNetworkShareOfGpu"),
    "latency.apiRoundTripMs": netFig,
    "hybrid.frontierRoutedShare": figureOf(catalog, "hybrid.frontierRoutedShare"),
  };
  // Then the GPU terms, staff ratios and price trends (economics; memoised, so their entries are too).
  const econ = economicsEntries(economicsDefs(input, catalog, chosen.gpuId, apiTier, openSize));

  const overrides = input.assumptions ?? {};
  // Rows in the order of defs, then economics'. Values are gathered by keyed stores (a dictionary-mode
  // object) and returned as one copy, which has fast properties: quick to read in the month loops and
  // to copy for every probe that patches a value.
  const gathered = {} as Record<AssumptionKey, number>;
  const rows: AssumptionRow[] = [];
  // Keyed reads of an empty overrides object are slow misses: skip them when nothing is overridden.
  const anyOverride =
    input.assumptions !== undefined && Object.keys(input.assumptions).length > 0 ? input.assumptions : undefined;
  for (const [k, d] of Object.entries(defs)) pushRow(rows, gathered, anyOverride, k as AssumptionKey, d);
  for (const [k, d] of econ) pushRow(rows, gathered, anyOverride, k, d);
  const values = { ...gathered };

  const model = {
    input,
    apiTier,
    openSize,
    apiModelLabel: api.label,
    hostedModelLabel: hosted.label,
    openModelLabel: `${chosen.modelLabel} (${chosen.precision.toUpperCase()})`,
    gpuLabel: chosen.gpuLabel,
    apiPrice: overriddenPrice(
      overrides,
      values,
      api.price,
      "api.inputUsdPerMTok",
      "api.outputUsdPerMTok",
      "api.cachedInputUsdPerMTok",
    ),
    hostedPrice: overriddenPrice(
      overrides,
      values,
      hosted.price,
      "hostedOpen.inputUsdPerMTok",
      "hostedOpen.outputUsdPerMTok",
    ),
    values,
    rows,
    apiPriceSpread: {
      low: Math.min(...apiBlend) / apiBase,
      high: Math.max(...apiBlend) / apiBase,
      source: `blended price of the ${apiTier}-tier models in the catalog relative to ${api.label}`,
    },
    throughputSource: thr.source,
    tokensPerDay,
    // Field by field (a spread of the choice measured ~1 µs here), in the choice's own order.
    capacity: {
      chosen: ch.chosen,
      runnersUp: ch.runnersUp,
      candidates: ch.candidates,
      considered: ch.considered,
      feasibleCount: ch.feasibleCount,
      excludedModels: ch.excludedModels,
      unmet: ch.unmet,
      targetMs: ch.targetMs,
      measure: ch.measure,
      networkMs: ch.networkMs,
      slo: cap.slo,
      why: cap.why,
    },
    latency: cap.latency,
  } as Model;
  // Stores in order (a conditional spread in the literal would put every field after it on the slow path).
  if (apiSwitch) model.apiSwitch = apiSwitch;
  const decided = contextDecided(
    ch,
    input,
    requestTokens,
    (id) => cc.openModels.find((o) => o.id === id)?.contextWindowTokens.value,
    hostedOpen && hostedOpen.id !== chosen.modelId && hostedOpen.contextWindowTokens.value >= requestTokens
      ? quote.modelLabel
      : undefined,
  );
  if (decided) model.contextDecided = decided;
  model.sensitiveStaysIn =
    inHouseBinds(input.data) ||
    (needsCompliance(input) && !complianceFor(catalog, "api", input, { vendor: api.vendor, id: api.id }).covered);
  model.apiRef = { vendor: api.vendor, id: api.id };
  model.hostedQuote = quote;
  model.priceOverrides = bound.priceOverrides;
  // Returned as a spread clone: callers patch models by spreading (`{ ...m, input }`, `{ ...m, values }`), and a
  // clone shares its hidden class with those patches, so the month loops that take either stay monomorphic.
  return { ...model };
}

/**
 * With requests longer than some open models of the tier read, the context window, not cost, decided the
 * open model: the sentence names the model that reads them and every model the window excluded.
 */
function contextDecided(
  ch: {
    chosen: { modelLabel: string; contextWindowTokens: number };
    excludedModels: { modelId: string; label: string }[];
  },
  input: ParsedAssessmentInput,
  requestTokens: number,
  windowOf: (id: string) => number | undefined,
  hostedOther: string | undefined,
): string | undefined {
  if (
    !ch.excludedModels.length ||
    input.deployment.openModel !== "auto" ||
    ch.chosen.contextWindowTokens < requestTokens
  )
    return undefined;
  const excluded = ch.excludedModels.map((e) => `${e.label} (${formatTokens(windowOf(e.modelId) ?? 0)})`);
  return (
    `Your requests need ${formatTokens(requestTokens)} tokens (prompt plus output), so the context window decided the open model: ` +
    `${ch.chosen.modelLabel} reads ${formatTokens(ch.chosen.contextWindowTokens)}${hostedOther ? ` (hosted open weights are priced at ${hostedOther}, which also reads them)` : ""}; ` +
    `it excluded ${excluded.length > 1 ? `${excluded.slice(0, -1).join(", ")} and ${excluded.at(-1)}` : excluded[0]}, which read fewer tokens.`
  );
}

export type { Option };
