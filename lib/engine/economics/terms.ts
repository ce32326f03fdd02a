import type { Catalog } from "../catalog";
import type { Model } from "../types";
import { HOURS_PER_MONTH } from "../units";
import { formatUsd } from "../text";
import { fig, marketGpuId, resolvedGpuSource, type ResolvedGpuSource } from "./assumptions";

// GPU terms: what one GPU costs per month on the chosen source and term, and what owning costs
// (8-GPU servers: capex, power × PUE × electricity, colocation per kW, maintenance, depreciation).

export type OwnedTerms = {
  serverPriceUsd: number;
  gpusPerServer: number;
  serverKw: number;
  /** Power, colocation and maintenance of one installed server, USD/month. */
  opexPerServerMonth: number;
  powerPerServerMonth: number;
  colocationPerServerMonth: number;
  maintenancePerServerMonth: number;
  /** Purchase price spread over the depreciation life, USD/month per server. */
  depreciationPerServerMonth: number;
  depreciationMonths: number;
  /** Depreciation + opex per GPU-hour (the all-in hourly equivalent, used to optimise and compare). */
  allInUsdPerGpuHour: number;
};

export type GpuPricing = ResolvedGpuSource & {
  /** Rented: USD per GPU-hour in month 1. Owned: the all-in hourly equivalent (or the user's flat rate). */
  usdPerGpuHour: number;
  /** Owned servers priced from their terms (absent when rented, or when the user set a flat hourly rate). */
  owned?: OwnedTerms;
  text: string;
};

export function ownedTerms(m: Model): OwnedTerms {
  const v = m.values;
  // Whole GPUs per server (catalog gpuMarket.owned.gpusPerServer, overridable); the server price is per server.
  const gpusPerServer = Math.max(1, Math.round(v["owned.gpusPerServer"]));
  const kw = v["owned.serverKw"];
  const powerPerServerMonth = kw * v["owned.pue"] * v["owned.electricityUsdPerKwh"] * HOURS_PER_MONTH;
  const colocationPerServerMonth = kw * v["owned.colocationUsdPerKwMonth"];
  const maintenancePerServerMonth = (v["owned.serverPriceUsd"] * v["owned.maintenanceSharePerYear"]) / 12;
  const depreciationMonths = Math.round(v["owned.depreciationYears"] * 12);
  const depreciationPerServerMonth = v["owned.serverPriceUsd"] / depreciationMonths;
  const opexPerServerMonth = powerPerServerMonth + colocationPerServerMonth + maintenancePerServerMonth;
  return {
    serverPriceUsd: v["owned.serverPriceUsd"],
    gpusPerServer,
    serverKw: kw,
    opexPerServerMonth,
    powerPerServerMonth,
    colocationPerServerMonth,
    maintenancePerServerMonth,
    depreciationPerServerMonth,
    depreciationMonths,
    allInUsdPerGpuHour: (opexPerServerMonth + depreciationPerServerMonth) / gpusPerServer / HOURS_PER_MONTH,
  };
}

const TERM_LABEL: Record<string, string> = {
  "on-demand": "on demand",
  "reserved-1y": "on a 1-year commitment",
  "reserved-3y": "on a 3-year commitment",
  owned: "owned",
};
const SOURCE_LABEL: Record<string, string> = {
  "gpu-cloud": "a GPU cloud",
  hyperscaler: "a hyperscaler",
  owned: "owned servers",
};

const cache = new WeakMap<Model["values"], { p: GpuPricing; dep: unknown; ov: unknown; data: unknown }>();

/** The GPU terms in use (memoised per model values: the series and the optimiser ask every month). */
export function gpuPricing(m: Model): GpuPricing {
  // Keyed on what the terms read: the values, the deployment answers, the overrides and the data answers
  // (the in-house mandate and ITAR decide the source: resolvedGpuSource).
  const hit = cache.get(m.values);
  if (hit && hit.dep === m.input.deployment && hit.ov === m.input.assumptions && hit.data === m.input.data)
    return hit.p;
  const p = computeGpuPricing(m);
  cache.set(m.values, { p, dep: m.input.deployment, ov: m.input.assumptions, data: m.input.data });
  return p;
}

function computeGpuPricing(m: Model): GpuPricing {
  const r = resolvedGpuSource(m.input);
  const flat = m.input.assumptions?.["gpu.usdPerHour"];
  if (r.source === "owned" && flat === undefined) {
    const owned = ownedTerms(m);
    return {
      ...r,
      usdPerGpuHour: owned.allInUsdPerGpuHour,
      owned,
      get text() {
        return ownedText(m, owned, r.forced);
      },
    };
  }
  const rate = m.values["gpu.usdPerHour"];
  return {
    ...r,
    usdPerGpuHour: rate,
    get text() {
      return `${m.gpuLabel} GPUs ${r.source === "owned" ? "at your own hourly rate" : `rented from ${SOURCE_LABEL[r.source]} ${TERM_LABEL[r.term]}`} at ${formatUsd(rate)} per GPU-hour, paid busy or idle.${r.forced ? ` ${r.forced}` : ""}`;
    },
  };
}

function ownedText(m: Model, owned: OwnedTerms, forced: string | null): string {
  return (
    `Owned ${m.gpuLabel} servers (${owned.gpusPerServer} GPUs each) at ${formatUsd(owned.serverPriceUsd)} apiece, paid when bought; ` +
    `running one costs ${formatUsd(owned.opexPerServerMonth)} a month (power ${formatUsd(owned.powerPerServerMonth)} at PUE ${m.values["owned.pue"]}, colocation ${formatUsd(owned.colocationPerServerMonth)}, maintenance ${formatUsd(owned.maintenancePerServerMonth)}); ` +
    `over a ${m.values["owned.depreciationYears"]}-year depreciation life that is ${formatUsd(owned.allInUsdPerGpuHour)} per GPU-hour all in.` +
    (forced ? ` ${forced}` : "")
  );
}

export type TermRow = {
  source: string;
  term: string;
  label: string;
  usdPerGpuHour: number;
  batchOnly: boolean;
  inUse: boolean;
};

/** Every term the market lists for this GPU, with its month-1 rate (owned: the all-in hourly equivalent): the GPU-terms table. */
export function termTable(m: Model, catalog: Catalog): TermRow[] {
  // The GPU the capacity model chose (deployment.gpu may be "auto").
  const chosen = (m as Model & { capacity?: { chosen?: { gpuId?: string } } }).capacity?.chosen?.gpuId;
  const g = marketGpuId(catalog, chosen ?? m.input.deployment.gpu);
  const p = gpuPricing(m);
  const rows: TermRow[] = [];
  for (const source of ["gpu-cloud", "hyperscaler"] as const) {
    for (const term of ["on-demand", "reserved-1y", "reserved-3y", "spot"] as const) {
      const f = (catalog.figures as Record<string, { value: number } | undefined>)[`gpuMarket.${g}.${source}.${term}`];
      if (!f) continue;
      rows.push({
        source,
        term,
        label: `${SOURCE_LABEL[source]}, ${term === "spot" ? "spot (batch only)" : TERM_LABEL[term]}`,
        usdPerGpuHour: f.value,
        batchOnly: term === "spot",
        inUse: p.source === source && p.term === term,
      });
    }
  }
  rows.push({
    source: "owned",
    term: "owned",
    label: "owned servers in a colocation hall (all in)",
    usdPerGpuHour: ownedTerms(m).allInUsdPerGpuHour,
    batchOnly: false,
    inUse: p.source === "owned",
  });
  void fig;
  return rows;
}
