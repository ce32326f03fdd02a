// Turns the catalog files (catalog/*.json, each validated by its schema in catalog/schemas/) plus the
// bundled price database of @pydantic/genai-prices into the compact, versioned snapshot the engine
// imports (lib/engine/catalog/snapshot.generated.json). The engine never imports the price library,
// so the browser bundle carries only the snapshot. Pure apart from the price lookup: the caller
// reads the files (readCatalogFiles) so tests can build from edited copies.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { calcPrice, findProvider } from "@pydantic/genai-prices";
import type { z } from "zod";
import { invalidFigures, type KeyedFigure } from "./schema";
import { CATALOG_FILES, type CatalogFileName } from "./schemas";
import { API_TIERS, type ApiModelsFile } from "./schemas/api-models";
import type { ComplianceFile } from "./schemas/compliance";
import type { HostedProvidersFile } from "./schemas/hosted-providers";
import { figuresFileSchema } from "./schemas/figures";

export { figuresFileSchema as figuresSchema } from "./schemas/figures";
export type { Figures } from "./schemas/figures";

/** A per-token price table with context-length tiers (a request's input length picks the tier). */
export type PriceTable = {
  inputUsdPerMTok: number;
  cachedInputUsdPerMTok: number;
  outputUsdPerMTok: number;
  tiers: {
    fromInputTokens: number;
    inputUsdPerMTok: number;
    cachedInputUsdPerMTok: number;
    outputUsdPerMTok: number;
  }[];
};

type RawPrice = number | { base: number; tiers: { start: number; price: number }[] } | undefined;

/** Looks a model up in the price library; throws with a clear message when the library does not know it. */
export type PriceLookup = (provider: string, model: string, at: string) => Record<string, unknown>;

/** The library's price of provider/model in force on `at` (YYYY-MM-DD, UTC noon): conditional prices (price cuts, introductory rates) depend on the date, so the build never prices at "now". */
export const genaiPricesLookup: PriceLookup = (provider, model, at) => {
  const options = { providerId: provider, timestamp: new Date(`${at}T12:00:00Z`) };
  // The catalog names a model by its library id; some ids differ from the string the library
  // matches (Fireworks: accounts/fireworks/models/<id>), so fall back to the id's own match string.
  const byId = findProvider({ providerId: provider })?.models.find((m) => m.id === model);
  for (const name of [model, ...(byId ? matchStrings(byId.match) : [])]) {
    const result = calcPrice({ input_tokens: 1 }, name, options);
    if (result && result.provider.id === provider && (!byId || result.model.id === byId.id))
      return result.model_price as Record<string, unknown>;
  }
  throw new Error("no matching model");
};

function matchStrings(match: unknown): string[] {
  if (!match || typeof match !== "object") return [];
  const m = match as Record<string, unknown>;
  if (typeof m.equals === "string") return [m.equals];
  if (Array.isArray(m.or)) return m.or.flatMap(matchStrings);
  return [];
}

function base(p: RawPrice): number | undefined {
  return typeof p === "number" ? p : p?.base;
}

function atTier(p: RawPrice, start: number): number | undefined {
  if (typeof p === "number" || p === undefined) return p;
  let price = p.base;
  for (const t of [...p.tiers].sort((a, b) => a.start - b.start)) if (start >= t.start) price = t.price;
  return price;
}

export function toPriceTable(raw: Record<string, unknown>, label: string): PriceTable {
  const input = raw.input_mtok as RawPrice;
  const output = raw.output_mtok as RawPrice;
  const cached = raw.cache_read_mtok as RawPrice;
  const inputBase = base(input);
  const outputBase = base(output);
  if (inputBase === undefined || outputBase === undefined)
    throw new Error(`catalog: ${label} has no input/output price in the library`);
  const starts = new Set<number>();
  for (const p of [input, output, cached]) if (p && typeof p !== "number") for (const t of p.tiers) starts.add(t.start);
  return {
    inputUsdPerMTok: inputBase,
    cachedInputUsdPerMTok: base(cached) ?? inputBase,
    outputUsdPerMTok: outputBase,
    tiers: [...starts]
      .sort((a, b) => a - b)
      .map((start) => ({
        fromInputTokens: start,
        inputUsdPerMTok: atTier(input, start) ?? inputBase,
        cachedInputUsdPerMTok: atTier(cached, start) ?? atTier(input, start) ?? inputBase,
        outputUsdPerMTok: atTier(output, start) ?? outputBase,
      })),
  };
}

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
/** Files the build turns into sections of its own (figures.json spreads its sections at the top level; api-models.json becomes apiModels + apiModelPolicy). */
const OWN_FILES = new Set(["figures", "api-models", "hosted-providers", "compliance"]);
type OtherFile = Exclude<CatalogFileName, "figures" | "api-models" | "hosted-providers" | "compliance">;
/** Sections of the catalog files other than figures.json, each under camelCase(file name), without their `figures` record. */
type FileSections = { [K in OtherFile as CamelCase<K>]: Omit<z.output<(typeof CATALOG_FILES)[K]>, "figures"> };

export const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * Reads the registered catalog files into { name: parsed JSON }. A catalog/*.json that is not
 * registered is left out here (a colleague's work in progress must not break everyone's build) and
 * reported by `unregisteredCatalogFiles`, which a unit test keeps empty.
 */
export function readCatalogFiles(
  dir = "catalog",
  registry: Record<string, unknown> = CATALOG_FILES,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(registry).sort()) {
    const file = path.join(dir, `${name}.json`);
    if (fs.existsSync(file)) out[name] = JSON.parse(fs.readFileSync(file, "utf8"));
  }
  return out;
}

export function unregisteredCatalogFiles(dir = "catalog", registry: Record<string, unknown> = CATALOG_FILES): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !(f.slice(0, -".json".length) in registry))
    .sort();
}

function issuesText(file: string, error: z.ZodError) {
  return `catalog/${file}.json is invalid:\n${error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`;
}

/** Blended $/1M tokens at the file's input:output weights, base context tier. */
export function blendedPrice(p: PriceTable, blend: { input: number; output: number }) {
  return (p.inputUsdPerMTok * blend.input + p.outputUsdPerMTok * blend.output) / (blend.input + blend.output);
}

/**
 * The API models with their library prices and the tier defaults chosen by the file's stated rule:
 * among each tier's vendor-recommended candidates, the median blended price (ties by provider id).
 */
function apiModelsWithPrices(
  file: ApiModelsFile,
  price: (provider: string, model: string) => PriceTable,
  priceSource: string,
) {
  const priced = file.models.map((m) => ({ ...m, price: price(m.provider, m.model) }));
  const defaults = new Set<string>();
  for (const tier of API_TIERS) {
    const candidates = priced
      .filter((m) => m.tier === tier && m.recommended)
      .sort(
        (a, b) =>
          blendedPrice(a.price, file.blend) - blendedPrice(b.price, file.blend) || a.provider.localeCompare(b.provider),
      );
    defaults.add(candidates[medianIndex(candidates.length)]!.id);
  }
  return priced.map((m) => ({ ...m, default: defaults.has(m.id), source: priceSource, asOf: file.priceCheck.asOf }));
}

/** Index of the median of `xs` sorted by `key` (the lower middle for an even count). */
function medianIndex(n: number) {
  return Math.floor((n - 1) / 2);
}

/** `registry` is for tests (a registry with extra files); the default is CATALOG_FILES. */
export function buildSnapshot(
  files: Record<string, unknown>,
  lookup: PriceLookup = genaiPricesLookup,
  registry: Record<string, z.ZodType> = CATALOG_FILES,
) {
  for (const name of Object.keys(files)) {
    if (!(name in registry))
      throw new Error(`catalog/${name}.json has no schema: add it to CATALOG_FILES in catalog/schemas/index.ts`);
  }
  for (const name of Object.keys(registry)) {
    if (!(name in files))
      throw new Error(`catalog/${name}.json is missing (its schema is registered in catalog/schemas/index.ts)`);
  }
  const parsedFiles: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(registry).sort()) {
    const parsed = registry[name]!.safeParse(files[name]);
    if (!parsed.success) throw new Error(issuesText(name, parsed.error));
    const bad = invalidFigures(parsed.data);
    if (bad.length)
      throw new Error(`catalog/${name}.json is invalid:\n${bad.map((b) => `  ${b.path}: ${b.message}`).join("\n")}`);
    parsedFiles[name] = parsed.data as Record<string, unknown>;
  }

  const f = parsedFiles.figures as z.output<typeof figuresFileSchema>;
  const priceSource = `${f.priceLibrary.name} ${f.priceLibrary.version} (bundled data, published ${f.priceLibrary.published})`;
  const apiFile = parsedFiles["api-models"] as ApiModelsFile;
  const pricedAt = apiFile.pricedAt;
  const price = (provider: string, model: string) => {
    let raw: Record<string, unknown>;
    try {
      raw = lookup(provider, model, pricedAt);
    } catch (error) {
      throw new Error(
        `catalog: ${provider}/${model} is named in the catalog but missing from ${f.priceLibrary.name}: ${(error as Error).message}`,
      );
    }
    return toPriceTable(raw, `${provider}/${model}`);
  };

  const hostedFile = parsedFiles["hosted-providers"] as HostedProvidersFile;
  const compliance = parsedFiles.compliance as ComplianceFile;
  const channelIds = new Set(compliance.channels.map((c) => c.id));
  const hostedMarket = {
    rule: hostedFile.rule,
    models: hostedFile.models.map((m) => ({
      id: m.id,
      label: m.label,
      offers: m.offers.map((o) => {
        for (const ch of o.channels)
          if (!channelIds.has(ch))
            throw new Error(
              `catalog/hosted-providers.json: ${m.id} offer ${o.label} names channel ${ch}, which catalog/compliance.json does not define`,
            );
        const evidence = o.listed
          ? {
              grade: o.listed.grade,
              source: o.listed.source,
              asOf: o.listed.asOf,
              ...(o.listed.url ? { url: o.listed.url } : {}),
              ...(o.listed.conditions ? { conditions: o.listed.conditions } : {}),
            }
          : {
              grade: "measured" as const,
              source: `${priceSource}, list price in force on ${pricedAt}`,
              asOf: apiFile.priceCheck.asOf,
            };
        const table: PriceTable = o.listed
          ? {
              inputUsdPerMTok: o.listed.inputUsdPerMTok,
              cachedInputUsdPerMTok: o.listed.inputUsdPerMTok,
              outputUsdPerMTok: o.listed.outputUsdPerMTok,
              tiers: [],
            }
          : price(o.provider!, o.model!);
        return {
          channels: o.channels,
          label: o.label,
          provider: o.provider ?? null,
          model: o.model ?? null,
          price: table,
          ...evidence,
          ...(o.note ? { note: o.note } : {}),
        };
      }),
    })),
  };

  // Keyed figures of every file, in one map (a key defined twice is an error).
  const figures: Record<string, KeyedFigure> = {};
  const figureOwner: Record<string, string> = {};
  for (const [name, data] of Object.entries(parsedFiles)) {
    const rec = (data.figures ?? {}) as Record<string, KeyedFigure>;
    for (const [key, fig] of Object.entries(rec)) {
      if (key in figures)
        throw new Error(
          `catalog: figure ${key} is defined in both catalog/${figureOwner[key]}.json and catalog/${name}.json`,
        );
      figures[key] = fig;
      figureOwner[key] = name;
    }
  }
  const sortedFigures = Object.fromEntries(
    Object.keys(figures)
      .sort()
      .map((k) => [k, figures[k]!]),
  );

  const legacy = {
    asOf: f.asOf,
    priceLibrary: f.priceLibrary,
    apiModels: apiModelsWithPrices(apiFile, price, `${priceSource}, list price in force on ${pricedAt}`),
    apiModelPolicy: {
      pricedAt,
      priceCheck: apiFile.priceCheck,
      defaultRule: apiFile.defaultRule,
      blend: apiFile.blend,
      reasoningMultiplier: apiFile.reasoningMultiplier,
    },
    hostedMarket,
    qualityPairing: f.qualityPairing,
    /** The compliance matrix; lib/engine/compliance.ts is its only reader. */
    compliance,
    policy: f.policy,
  };
  const sections: Record<string, unknown> = {};
  for (const [name, data] of Object.entries(parsedFiles)) {
    if (OWN_FILES.has(name)) continue;
    const key = camelCase(name);
    if (key in legacy || key === "figures" || key === "catalogVersion") {
      throw new Error(
        `catalog/${name}.json lands at snapshot.${key}, which catalog/figures.json still defines: move the section out of figures.json in the same change`,
      );
    }
    const { figures: _own, ...rest } = data;
    sections[key] = rest;
  }
  const body = { ...legacy, ...(sections as FileSections), figures: sortedFigures };
  for (const tier of ["frontier", "mid", "small"] as const) {
    if (body.apiModels.filter((m) => m.tier === tier && m.default).length !== 1)
      throw new Error(`catalog: tier ${tier} needs exactly one default API model`);
  }
  const openIds = new Set(
    (body as { openModels?: { models: { id: string }[] } }).openModels?.models.map((m) => m.id) ?? [],
  );
  for (const m of body.hostedMarket.models) {
    if (openIds.size && !openIds.has(m.id))
      throw new Error(`catalog/hosted-providers.json: ${m.id} is not an open model of catalog/open-models.json`);
  }
  const gaps = gpuMarketGaps(
    sortedFigures,
    (body as { gpus?: { gpus: { id: string }[] } }).gpus?.gpus.map((g) => g.id) ?? [],
  );
  if (gaps.length)
    throw new Error(
      `catalog/gpu-market.json: every GPU of catalog/gpus.json needs its market rows (no GPU is priced as another):\n${gaps.map((v) => `  ${v}`).join("\n")}`,
    );
  const rateOrder = gpuRateOrderViolations(
    sortedFigures,
    (body as { gpus?: { gpus: { id: string }[] } }).gpus?.gpus.map((g) => g.id) ?? [],
  );
  if (rateOrder.length)
    throw new Error(`catalog/gpu-market.json: rates out of order:\n${rateOrder.map((v) => `  ${v}`).join("\n")}`);
  const hash = crypto.createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 10);
  return { catalogVersion: `${f.asOf}+${hash}`, ...body };
}

export type Snapshot = ReturnType<typeof buildSnapshot>;

/**
 * Rental rates per GPU must be ordered as a buyer meets them: interruptible spot ≤ GPU-cloud on demand ≤
 * hyperscaler on demand, and a longer commitment never dearer than a shorter one (3-year ≤ 1-year ≤ on
 * demand, per source). A spot quote above some provider's on-demand rate is not a rate anyone pays for
 * batch work: the figure must say what is paid instead. Returns one line per broken pair.
 */
/** The market rows the engine prices a GPU from (lib/engine/economics/assumptions.ts defsOf): rented on every source and term, spot, and owned servers. */
export const GPU_MARKET_ROWS = [
  "gpu-cloud.on-demand",
  "gpu-cloud.reserved-1y",
  "gpu-cloud.reserved-3y",
  "gpu-cloud.spot",
  "hyperscaler.on-demand",
  "hyperscaler.reserved-1y",
  "hyperscaler.reserved-3y",
  "owned.serverPriceUsd",
  "owned.serverKw",
] as const;

/** Market rows missing for a GPU of the catalog (the build fails on any). */
export function gpuMarketGaps(figures: Record<string, unknown>, gpuIds: readonly string[]): string[] {
  return gpuIds.flatMap((gpu) =>
    GPU_MARKET_ROWS.filter((row) => !(`gpuMarket.${gpu}.${row}` in figures)).map(
      (row) => `gpuMarket.${gpu}.${row} is missing`,
    ),
  );
}

export function gpuRateOrderViolations(
  figures: Record<string, { value: number }>,
  gpuIds: readonly string[],
): string[] {
  const out: string[] = [];
  for (const gpu of gpuIds) {
    const chain = [
      ["gpu-cloud.spot", "gpu-cloud.on-demand", "hyperscaler.on-demand"],
      ["gpu-cloud.reserved-3y", "gpu-cloud.reserved-1y", "gpu-cloud.on-demand"],
      ["hyperscaler.reserved-3y", "hyperscaler.reserved-1y", "hyperscaler.on-demand"],
    ];
    for (const terms of chain) {
      for (let i = 0; i + 1 < terms.length; i++) {
        const lo = figures[`gpuMarket.${gpu}.${terms[i]}`];
        const hi = figures[`gpuMarket.${gpu}.${terms[i + 1]}`];
        if (lo && hi && lo.value > hi.value)
          out.push(
            `gpuMarket.${gpu}.${terms[i]} (${lo.value}) must be ≤ gpuMarket.${gpu}.${terms[i + 1]} (${hi.value})`,
          );
      }
    }
  }
  return out;
}

/** Every model id the price library carries for a provider (deprecated ones left out). */
export function libraryModelIds(provider: string): string[] {
  const p = findProvider({ providerId: provider });
  return p ? p.models.filter((m) => !m.deprecated).map((m) => m.id) : [];
}

function versionOf(id: string, line: readonly string[]): number[] | undefined {
  for (const re of line) {
    const m = new RegExp(re).exec(id);
    if (m?.[1]) return m[1].split(/[.-]/).map(Number);
  }
  return undefined;
}

function compareVersions(a: number[], b: number[]) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Models of the same vendor line that are newer than `model` in `libraryIds` (e.g. gpt-6.1-astra
 * when the catalog names gpt-6-astra). Throws when the model does not match its own line.
 */
export function newerInLine(
  model: { model: string; line: readonly string[] },
  libraryIds: readonly string[],
): string[] {
  const own = versionOf(model.model, model.line);
  if (!own) throw new Error(`${model.model} does not match its own line ${model.line.join(" | ")}`);
  return libraryIds.filter((id) => {
    const v = versionOf(id, model.line);
    return v !== undefined && compareVersions(v, own) > 0;
  });
}
