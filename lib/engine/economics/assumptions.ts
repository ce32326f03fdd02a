import { CatalogError, figureOf, type Catalog, type FigureKey, type KeyedFigure } from "../catalog";
import type { GpuSource, ParsedAssessmentInput } from "../schema";
import type { EconomicsAssumptionKey, GpuTermChoice } from "./bounds";
import { inHouseBinds } from "../data-rules";

// The economics' overridable figures (rows of the assumptions panel) and the GPU source/term in use.

type Grade = "measured" | "derived" | "assumed";
type Def = {
  label: string;
  group: string;
  value: number;
  low: number;
  high: number;
  source: string;
  asOf: string;
  grade: Grade;
  derivation?: string;
};

/** Figure read by a key built at run time (GPU ids and terms); throws a CatalogError when absent. */
export const fig = (c: Catalog, key: string): KeyedFigure => figureOf(c, key as FigureKey);
// Every row carries the figure's evidence grade, and its derivation when derived (issue #16: every figure graded).
const def = (f: KeyedFigure, label?: string): Def => ({
  label: label ?? f.label,
  group: f.group,
  value: f.value,
  low: f.low,
  high: f.high,
  source: f.source,
  asOf: f.asOf,
  grade: f.grade,
  ...(f.derivation ? { derivation: f.derivation } : {}),
});

/** Spot / interruptible rate of the GPU on its rental source (GPU cloud when the hyperscaler lists none); used for batch replicas only. */
function spotDef(catalog: Catalog, g: string, source: string): Def {
  const f =
    (catalog.figures as Record<string, KeyedFigure | undefined>)[
      `gpuMarket.${g}.${source === "hyperscaler" ? "hyperscaler" : "gpu-cloud"}.spot`
    ] ?? (catalog.figures as Record<string, KeyedFigure | undefined>)[`gpuMarket.${g}.gpu-cloud.spot`];
  if (!f || source === "owned")
    return {
      label: "Spot GPU rate (batch only)",
      group: "GPU market",
      value: 0,
      low: 0,
      high: 0,
      source: source === "owned" ? "owned servers: no spot market" : "no spot figure for this GPU",
      asOf: catalog.asOf,
      grade: "assumed",
    };
  return def(f);
}

/** Reasoning tokens bill as output (catalog owner's figure, api-models.json apiModelPolicy.reasoningMultiplier by tier). */
function reasoningDef(catalog: Catalog, tier: "frontier" | "mid" | "small"): Def {
  const rm = (
    catalog as unknown as {
      apiModelPolicy?: {
        reasoningMultiplier?: Record<
          string,
          { value: number; low: number; high: number; source: string; asOf: string; grade: Grade; derivation?: string }
        >;
      };
    }
  ).apiModelPolicy?.reasoningMultiplier?.[tier];
  if (!rm)
    return {
      label: "Reasoning tokens per visible output token (API)",
      group: "API pricing",
      value: 1,
      low: 1,
      high: 1,
      source: "no reasoning multiplier in this catalog: output billed as visible",
      asOf: catalog.asOf,
      grade: "assumed",
    };
  return {
    label: `Reasoning tokens billed per visible output token (${tier} tier)`,
    group: "API pricing",
    value: rm.value,
    low: rm.low,
    high: rm.high,
    source: rm.source,
    asOf: rm.asOf,
    grade: rm.grade,
    ...(rm.derivation ? { derivation: rm.derivation } : {}),
  };
}

export type ResolvedGpuSource = { source: GpuSource; term: GpuTermChoice | "owned"; forced: string | null };

/**
 * Where the GPUs come from. Unset: owned servers in a colocation hall when the site is offline or the
 * prompts must stay in house, else a GPU cloud. An offline site is owned whatever was chosen: no cloud
 * runs without a network.
 */
export function resolvedGpuSource(input: ParsedAssessmentInput): ResolvedGpuSource {
  const { offline, gpuSource, gpuTerm } = input.deployment;
  // ITAR: US-person-only administration; a public GPU cloud's staff is the same exposure as an API's.
  const inHouse = inHouseBinds(input.data) || input.data.regulations.includes("itar");
  if (offline && gpuSource && gpuSource !== "owned") {
    return {
      source: "owned",
      term: "owned",
      forced: `The site runs with no internet connection, so a ${gpuSource === "hyperscaler" ? "hyperscaler" : "GPU cloud"} cannot serve it: the GPUs are priced as servers you buy and run in a colocation hall or your own data centre.`,
    };
  }
  const source: GpuSource = gpuSource ?? (offline || inHouse ? "owned" : "gpu-cloud");
  const forced =
    !gpuSource && (offline || inHouse)
      ? `${offline ? "The site runs with no internet connection" : inHouseBinds(input.data) ? "Prompts must stay on infrastructure you control" : "ITAR data may only be handled by US persons on infrastructure you control"}, so the GPUs are priced as servers you buy and run in a colocation hall, not rented from a public GPU cloud.`
      : null;
  return { source, term: source === "owned" ? "owned" : (gpuTerm ?? "on-demand"), forced };
}

/**
 * The GPU id whose market rows price this GPU: the GPU itself. The catalog build fails when a GPU of
 * catalog/gpus.json lacks its gpu-market rows (catalog/build.ts gpuMarketGaps), so a missing row is a
 * CatalogError here, never another GPU's price.
 */
export function marketGpuId(catalog: Catalog, gpu: string): string {
  if (!(catalog.figures as Record<string, unknown>)[`gpuMarket.${gpu}.gpu-cloud.on-demand`])
    throw new CatalogError(
      `catalog ${catalog.catalogVersion} has no GPU market rows for "${gpu}" (catalog/gpu-market.json)`,
    );
  return gpu;
}

type EconomicsDefs = Record<EconomicsAssumptionKey | "gpu.usdPerHour", Def>;
// Rows by catalog, keyed by all they read (the market GPU, tier, open-model size, GPU source and term).
// Shared read-only; bounded, cleared when full.
const defsCache = new WeakMap<Catalog, Map<string, EconomicsDefs>>();
const DEFS_MAX = 2_000;

/** The economics rows for a GPU at the input's GPU source and term (shared: read, do not modify). */
export function economicsDefs(
  input: ParsedAssessmentInput,
  catalog: Catalog,
  gpuId: string,
  apiTier: "frontier" | "mid" | "small",
  openSize: string,
): EconomicsDefs {
  const g = marketGpuId(catalog, gpuId);
  const { source, term } = resolvedGpuSource(input);
  const key = `${g}|${apiTier}|${openSize}|${source}|${term}`;
  let byKey = defsCache.get(catalog);
  if (!byKey) defsCache.set(catalog, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) {
    if (byKey.size >= DEFS_MAX) byKey.clear();
    byKey.set(key, (hit = defsOf(catalog, g, apiTier, openSize, source, term)));
  }
  return hit;
}

function defsOf(
  catalog: Catalog,
  g: string,
  apiTier: "frontier" | "mid" | "small",
  openSize: string,
  source: GpuSource,
  term: GpuTermChoice | "owned",
): EconomicsDefs {
  const rentalKey = source === "owned" ? `gpuMarket.${g}.gpu-cloud.on-demand` : `gpuMarket.${g}.${source}.${term}`;
  const rate = fig(catalog, rentalKey);
  const owned = source === "owned";
  const o = (k: string) => fig(catalog, `gpuMarket.owned.${k}`);
  const server = fig(catalog, `gpuMarket.${g}.owned.serverPriceUsd`);
  const ft = fig(
    catalog,
    openSize === "small"
      ? "economics.fineTuning.gpuHoursPerRetrainSmall"
      : "economics.fineTuning.gpuHoursPerRetrainLarge",
  );
  return {
    // Owned servers are priced from their terms below; the hourly figure then is the GPU-cloud rate used
    // for fine-tuning runs and as the rental comparison, and overriding it prices the owned fleet flat.
    "gpu.usdPerHour": def(
      rate,
      owned
        ? `${rate.label} (rental comparison and training runs; owned servers are priced from their terms)`
        : rate.label,
    ),
    "gpu.spotUsdPerHour": spotDef(catalog, g, source),
    "api.reasoningMultiplier": reasoningDef(catalog, apiTier),
    "api.priceDeclinePerYear": def(fig(catalog, `economics.trend.apiDeclinePerYear.${apiTier}`)),
    "hostedOpen.priceDeclinePerYear": def(fig(catalog, "economics.trend.hostedOpenDeclinePerYear")),
    "gpu.priceChangePerYear": def(fig(catalog, "economics.trend.gpuRentalChangePerYear")),
    "people.ftePer100Gpus": def(fig(catalog, "economics.people.ftePer100Gpus")),
    "people.ftePerModel": def(fig(catalog, "economics.people.ftePerModel")),
    "people.onCallFte": def(fig(catalog, "economics.people.onCallFte")),
    "owned.serverPriceUsd": def(server),
    "owned.gpusPerServer": def(o("gpusPerServer")),
    "owned.serverKw": def(fig(catalog, `gpuMarket.${g}.owned.serverKw`)),
    "owned.pue": def(o("pue")),
    "owned.electricityUsdPerKwh": def(o("electricityUsdPerKwh")),
    "owned.colocationUsdPerKwMonth": def(o("colocationUsdPerKwMonth")),
    "owned.maintenanceSharePerYear": def(o("maintenanceSharePerYear")),
    "owned.depreciationYears": def(o("depreciationYears")),
    "fineTuning.retrainsPerYear": def(fig(catalog, "economics.fineTuning.retrainsPerYear")),
    "fineTuning.gpuHoursPerRetrain": def(ft),
    "fineTuning.engineerMonthsPerRetrain": def(fig(catalog, "economics.fineTuning.engineerMonthsPerRetrain")),
    "fineTuning.evalUsdPerMonth": def(fig(catalog, "economics.fineTuning.evalUsdPerMonth")),
    "growth.maxMultiple": def(fig(catalog, "economics.growth.maxMultiple")),
  };
}
