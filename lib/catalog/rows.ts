import { catalog as currentCatalog, type Catalog } from "@/lib/engine/catalog";
import { formatNumber } from "@/lib/format";

// Every figure of the catalog snapshot as one flat list for the /catalog page: each row carries its
// value, unit, range, evidence grade, source (with its link when there is one) and date, a kind to
// filter by, and a price key to sort by. One row per figure; facts without a number (compliance
// cells, licences) show their text as the value. A test walks the snapshot and checks that no
// figure is left out.

export { ROW_KINDS, ROW_KIND_LABELS, type CatalogRow, type Grade, type RowKind } from "./kinds";
import type { CatalogRow, Grade, RowKind } from "./kinds";

type FigureLike = {
  value: number;
  unit: string;
  low: number;
  high: number;
  grade: Grade;
  source: string;
  asOf: string;
  url?: string;
  conditions?: string;
  derivation?: string;
};

const n = (x: number) => formatNumber(x, 4);

function figureRow(
  id: string,
  kind: RowKind,
  section: string,
  item: string,
  f: FigureLike,
  extra: Partial<CatalogRow> = {},
): CatalogRow {
  return {
    id,
    kind,
    section,
    item,
    value: f.value,
    valueText: `${n(f.value)} ${f.unit}`,
    unit: f.unit,
    low: f.low,
    high: f.high,
    grade: f.grade,
    source: f.source,
    ...(f.url ? { url: f.url } : {}),
    asOf: f.asOf,
    ...(f.conditions ? { conditions: f.conditions } : {}),
    ...(f.derivation ? { derivation: f.derivation } : {}),
    ...extra,
  };
}

type PriceTable = Catalog["apiModels"][number]["price"];

function priceText(p: PriceTable) {
  return (
    `$${n(p.inputUsdPerMTok)} in · ${p.cachedInputUsdPerMTok !== p.inputUsdPerMTok ? `$${n(p.cachedInputUsdPerMTok)} cached · ` : ""}$${n(p.outputUsdPerMTok)} out per 1M tokens` +
    p.tiers
      .map(
        (t) =>
          `; prompts over ${formatNumber(t.fromInputTokens)} tokens: $${n(t.inputUsdPerMTok)} / $${n(t.outputUsdPerMTok)}`,
      )
      .join("")
  );
}

function blendOf(c: Catalog, p: PriceTable) {
  const b = c.apiModelPolicy.blend;
  return (p.inputUsdPerMTok * b.input + p.outputUsdPerMTok * b.output) / (b.input + b.output);
}

function kindOfKey(key: string): RowKind {
  if (/^(people\.|economics\.people\.)/.test(key)) return "people";
  if (/^gpuMarket\./.test(key)) return "gpu";
  if (/^api\./.test(key)) return "api-model";
  if (/^hostedOpen\./.test(key)) return "provider";
  return "policy";
}

const CELL_LABELS = {
  baa: "HIPAA business associate agreement (BAA)",
  dpa: "GDPR data processing agreement (DPA)",
  euResidency: "EU residency (processing in the EU)",
  zeroDataRetention: "Zero data retention",
  soc2: "SOC 2 Type 2",
  fedramp: "FedRAMP authorization",
  pci: "PCI DSS scope",
  itar: "ITAR boundary (US persons only)",
} as const;

/** Objects in a parsed catalog value that are valid-looking figures, with their path (for the sections without a hand-written row). */
function walkFigures(value: unknown, path: string[], out: { path: string[]; f: FigureLike }[]) {
  if (Array.isArray(value))
    value.forEach((v, i) => walkFigures(v, [...path, String((v as { id?: string })?.id ?? i)], out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.value === "number" && typeof o.unit === "string" && typeof o.grade === "string")
      out.push({ path, f: o as unknown as FigureLike });
    else for (const [k, v] of Object.entries(o)) walkFigures(v, [...path, k], out);
  }
}

export function catalogRows(c: Catalog = currentCatalog): CatalogRow[] {
  // Sections in page order, each from its own function.
  const rows: CatalogRow[] = [];
  apiModelRows(c, rows);
  hostedOfferRows(c, rows);
  openModelRows(c, rows);
  gpuRows(c, rows);
  performanceRows(c, rows);
  keyedFigureRows(c, rows);
  complianceRows(c, rows);
  policyRows(c, rows);
  return rows;
}

/** Proprietary API models: prices, context, output limit, speed, first token; reasoning multipliers; the price check. */
function apiModelRows(c: Catalog, rows: CatalogRow[]): void {
  const price = c.apiModelPolicy.priceCheck;

  // Proprietary API models: the price, then context, output limit, speed and time to first token.
  for (const m of c.apiModels) {
    const section = `API models · ${m.tier} tier`;
    const name = `${m.label}${m.default ? " — tier default" : ""}${m.status === "preview" ? " (preview)" : ""}`;
    const blend = blendOf(c, m.price);
    rows.push({
      id: `api:${m.id}:price`,
      kind: "api-model",
      section,
      item: `${name} · list price`,
      value: blend,
      valueText: priceText(m.price),
      unit: "USD / 1M tokens (3:1 input:output blend)",
      low: blend,
      high: blend,
      grade: "measured",
      source: `${m.source}; ${price.source}`,
      ...(price.url ? { url: price.url } : {}),
      asOf: m.asOf,
      conditions: `prices in force on ${c.apiModelPolicy.pricedAt}${m.notes ? `; ${m.notes}` : ""}`,
      priceKey: blend,
    });
    const figs = [
      ["context", "context window", m.contextTokens],
      ["output", "maximum output", m.maxOutputTokens],
      ["speed", "output speed", m.outputTokensPerSecond],
      ["ttft", "time to first token", m.timeToFirstTokenSeconds],
    ] as const;
    for (const [k, label, f] of figs)
      rows.push(figureRow(`api:${m.id}:${k}`, "api-model", section, `${m.label} · ${label}`, f as FigureLike));
    if (m.recommended) {
      rows.push({
        id: `api:${m.id}:recommended`,
        kind: "api-model",
        section,
        item: `${m.label} · default candidate`,
        value: null,
        valueText: m.recommended.note,
        unit: "",
        low: null,
        high: null,
        grade: m.recommended.grade,
        source: m.recommended.source,
        ...(m.recommended.url ? { url: m.recommended.url } : {}),
        asOf: m.recommended.asOf,
      });
    }
  }
  for (const tier of ["frontier", "mid", "small"] as const) {
    rows.push(
      figureRow(
        `api:reasoning:${tier}`,
        "api-model",
        `API models · ${tier} tier`,
        `Reasoning-token multiplier, ${tier} tier`,
        c.apiModelPolicy.reasoningMultiplier[tier] as FigureLike,
      ),
    );
  }
  rows.push({
    id: "api:rule",
    kind: "api-model",
    section: "API models · default rule",
    item: "How the tier default is chosen",
    value: null,
    valueText: c.apiModelPolicy.defaultRule,
    unit: "",
    low: null,
    high: null,
    grade: "assumed",
    source: "RentOrOwn policy (catalog/api-models.json)",
    asOf: price.asOf,
  });
}

/** Hosted open weights: every provider's offer per open model. */
function hostedOfferRows(c: Catalog, rows: CatalogRow[]): void {
  // Hosted open weights: every provider's offer per open model.
  for (const m of c.hostedMarket.models) {
    for (const o of m.offers) {
      const blend = blendOf(c, o.price);
      rows.push({
        id: `hosted:${m.id}:${o.label}`,
        kind: "provider",
        section: `Hosted open weights · ${m.label}`,
        item: `${o.label}${o.note ? ` (${o.note})` : ""}`,
        value: blend,
        valueText: priceText(o.price),
        unit: "USD / 1M tokens (3:1 input:output blend)",
        low: blend,
        high: blend,
        grade: o.grade,
        source: o.source,
        ...("url" in o && o.url ? { url: o.url } : {}),
        asOf: o.asOf,
        ...("conditions" in o && o.conditions ? { conditions: o.conditions } : {}),
        priceKey: blend,
        modelId: m.id,
        channels: o.channels,
      });
    }
  }
}

/** Open models: size, memory by precision, context, quality note. */
function openModelRows(c: Catalog, rows: CatalogRow[]): void {
  // Open models: size, memory by precision, context, quality note.
  for (const m of c.openModels.models) {
    const section = `Open models · ${m.qualityTier} tier`;
    rows.push({
      id: `open:${m.id}:quality`,
      kind: "open-model",
      section,
      item: `${m.label} · quality against the ${m.qualityTier} tier`,
      value: null,
      valueText: `${m.architecture === "moe" ? "mixture of experts" : "dense"}; licence ${m.license}`,
      unit: "",
      low: null,
      high: null,
      grade: m.quality.grade,
      source: m.quality.source,
      ...(m.quality.url ? { url: m.quality.url } : {}),
      asOf: m.quality.asOf,
    });
    rows.push(
      figureRow(
        `open:${m.id}:total`,
        "open-model",
        section,
        `${m.label} · total parameters`,
        m.totalParamsB as FigureLike,
      ),
    );
    rows.push(
      figureRow(
        `open:${m.id}:active`,
        "open-model",
        section,
        `${m.label} · active parameters`,
        m.activeParamsB as FigureLike,
      ),
    );
    rows.push(
      figureRow(
        `open:${m.id}:context`,
        "open-model",
        section,
        `${m.label} · context window`,
        m.contextWindowTokens as FigureLike,
      ),
    );
    for (const p of m.precisions)
      rows.push(
        figureRow(
          `open:${m.id}:weights:${p.precision}`,
          "open-model",
          section,
          `${m.label} · weights at ${p.precision.toUpperCase()}`,
          p.weightsGb as FigureLike,
        ),
      );
  }
}

/** GPUs: hardware. */
function gpuRows(c: Catalog, rows: CatalogRow[]): void {
  // GPUs: hardware.
  for (const g of c.gpus.gpus) {
    const out: { path: string[]; f: FigureLike }[] = [];
    walkFigures(g, [], out);
    for (const { path, f } of out)
      rows.push(
        figureRow(
          `gpu:${g.id}:${path.join(".")}`,
          "gpu",
          "GPUs · hardware",
          `${g.label} · ${path
            .join(" ")
            .replace(/([A-Z])/g, " $1")
            .toLowerCase()}`,
          f,
        ),
      );
  }
}

/** Self-hosted performance: the fitted models and the capacity model constants. */
function performanceRows(c: Catalog, rows: CatalogRow[]): void {
  // Self-hosted performance: the fitted models (each derived from measured points).
  for (const cal of c.performance.calibrations) {
    rows.push({
      id: `perf:${cal.modelId}:${cal.gpuId}:${cal.precision}:${cal.tp}:${cal.framework}`,
      kind: "gpu",
      section: "GPUs · measured serving performance (fitted)",
      item: `${cal.modelId} ${cal.precision.toUpperCase()} on ${cal.tp}× ${cal.gpuId} (${cal.framework}), ${cal.points} measured points`,
      value: cal.fitError.throughput,
      valueText: `fit error: throughput ${formatNumber(cal.fitError.throughput * 100, 1)}%${cal.fitError.tpot !== undefined ? `, TPOT ${formatNumber(cal.fitError.tpot * 100, 1)}%` : ""}${cal.fitError.ttft !== undefined ? `, TTFT ${formatNumber(cal.fitError.ttft * 100, 1)}%` : ""}`,
      unit: "median relative error",
      low: null,
      high: null,
      grade: cal.grade,
      source: cal.source,
      asOf: cal.asOf,
      ...(cal.derivation ? { derivation: cal.derivation } : {}),
      ...(cal.conditions ? { conditions: cal.conditions } : {}),
    });
  }
  {
    const out: { path: string[]; f: FigureLike }[] = [];
    const { figures: _f, calibrations: _c, measured: _m, ...rest } = c.performance as Record<string, unknown>;
    walkFigures(rest, [], out);
    for (const { path, f } of out)
      rows.push(figureRow(`perf:${path.join(".")}`, "policy", "Capacity model constants", path.join(" · "), f));
  }
}

/** Keyed figures of every file. */
function keyedFigureRows(c: Catalog, rows: CatalogRow[]): void {
  // Keyed figures of every file (people, GPU market, economics, capacity, latency, policy…).
  for (const [key, f] of Object.entries(c.figures)) {
    rows.push(
      figureRow(`fig:${key}`, kindOfKey(key), f.group, `${f.label}`, f as FigureLike, {
        ...(key.startsWith("gpuMarket.") && /GPU-hour/.test(f.unit) ? { priceKey: f.value } : {}),
      }),
    );
  }
}

/** The compliance matrix, what the firm must verify, the compliance policy. */
function complianceRows(c: Catalog, rows: CatalogRow[]): void {
  // Compliance matrix: one row per channel and cell.
  const matrix = c.compliance;
  for (const ch of matrix.channels) {
    for (const [k, label] of Object.entries(CELL_LABELS) as [keyof typeof CELL_LABELS, string][]) {
      const cell = ch[k];
      rows.push({
        id: `compliance:${ch.id}:${k}`,
        kind: "compliance",
        section: `Compliance · ${ch.label}`,
        item: label,
        value: null,
        valueText: `${cell.status}${cell.level ? ` (${cell.level})` : ""}${cell.note ? ` — ${cell.note}` : ""}`,
        unit: "",
        low: null,
        high: null,
        grade: cell.grade,
        source: cell.source,
        ...(cell.url ? { url: cell.url } : {}),
        asOf: cell.asOf,
      });
    }
  }
  for (const [reg, check] of Object.entries(matrix.firmMustVerify)) {
    rows.push({
      id: `compliance:firm:${reg}`,
      kind: "compliance",
      section: "Compliance · what the firm must verify",
      item: reg.toUpperCase(),
      value: null,
      valueText: check.text,
      unit: "",
      low: null,
      high: null,
      grade: check.grade,
      source: check.source,
      ...(check.url ? { url: check.url } : {}),
      asOf: check.asOf,
    });
  }
  rows.push({
    id: "compliance:policy",
    kind: "compliance",
    section: "Compliance · what each regulation needs",
    item: "RentOrOwn compliance policy",
    value: null,
    valueText: matrix.policy.text,
    unit: "",
    low: null,
    high: null,
    grade: matrix.policy.grade,
    source: matrix.policy.source,
    asOf: matrix.policy.asOf,
  });
}

/** The scoring policy's weights. */
function policyRows(c: Catalog, rows: CatalogRow[]): void {
  // Scoring policy.
  for (const [factor, w] of Object.entries(c.policy.weights)) {
    rows.push({
      id: `policy:weight:${factor}`,
      kind: "policy",
      section: `Scoring policy (${c.policy.version})`,
      item: `Weight of ${factor}`,
      value: w,
      valueText: `${Math.round(w * 100)}%`,
      unit: "share of the score",
      low: w,
      high: w,
      grade: "assumed",
      source: c.policy.source,
      asOf: c.policy.asOf,
    });
  }
}

/** Open models with a hosted market, for the "compare providers" picker. */
export function hostedModels(c: Catalog = currentCatalog) {
  return c.hostedMarket.models.map((m) => ({ id: m.id, label: m.label, offers: m.offers.length }));
}

/** Compliance channel labels and the cells a buyer compares providers on, by channel id. */
export function channelSummaries(c: Catalog = currentCatalog) {
  return Object.fromEntries(
    c.compliance.channels.map((ch) => [
      ch.id,
      {
        label: ch.label,
        baa: ch.baa.status,
        dpa: ch.dpa.status,
        euResidency: ch.euResidency.status,
        zeroDataRetention: ch.zeroDataRetention.status,
        soc2: ch.soc2.status,
      },
    ]),
  );
}
