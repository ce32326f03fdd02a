// Turns the catalog files (catalog/*.json, each validated by its schema in catalog/schemas/) plus the
// bundled price database of @pydantic/genai-prices into the compact, versioned snapshot the engine
// imports (lib/engine/catalog/snapshot.generated.json). The engine never imports the price library,
// so the browser bundle carries only the snapshot. Pure apart from the price lookup: the caller
// reads the files (readCatalogFiles) so tests can build from edited copies.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { calcPrice } from "@pydantic/genai-prices";
import type { z } from "zod";
import { invalidFigures, type KeyedFigure } from "./schema";
import { CATALOG_FILES, type CatalogFileName } from "./schemas";
import { figuresFileSchema } from "./schemas/figures";

export { figuresFileSchema as figuresSchema } from "./schemas/figures";
export type { Figures } from "./schemas/figures";

/** A per-token price table with context-length tiers (a request's input length picks the tier). */
export type PriceTable = {
  inputUsdPerMTok: number;
  cachedInputUsdPerMTok: number;
  outputUsdPerMTok: number;
  tiers: { fromInputTokens: number; inputUsdPerMTok: number; cachedInputUsdPerMTok: number; outputUsdPerMTok: number }[];
};

type RawPrice = number | { base: number; tiers: { start: number; price: number }[] } | undefined;

/** Looks a model up in the price library; throws with a clear message when the library does not know it. */
export type PriceLookup = (provider: string, model: string) => Record<string, unknown>;

export const genaiPricesLookup: PriceLookup = (provider, model) => {
  const result = calcPrice({ input_tokens: 1 }, model, { providerId: provider });
  if (!result || result.provider.id !== provider) throw new Error("no matching model");
  return result.model_price as Record<string, unknown>;
};

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
  if (inputBase === undefined || outputBase === undefined) throw new Error(`catalog: ${label} has no input/output price in the library`);
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
type OtherFile = Exclude<CatalogFileName, "figures">;
/** Sections of the catalog files other than figures.json, each under camelCase(file name), without their `figures` record. */
type FileSections = { [K in OtherFile as CamelCase<K>]: Omit<z.output<(typeof CATALOG_FILES)[K]>, "figures"> };

export const camelCase = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Reads every catalog/*.json into { name: parsed JSON }. */
export function readCatalogFiles(dir = "catalog"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    out[file.slice(0, -".json".length)] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  return out;
}

function issuesText(file: string, error: z.ZodError) {
  return `catalog/${file}.json is invalid:\n${error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`;
}

/** `registry` is for tests (a registry with extra files); the default is CATALOG_FILES. */
export function buildSnapshot(files: Record<string, unknown>, lookup: PriceLookup = genaiPricesLookup, registry: Record<string, z.ZodType> = CATALOG_FILES) {
  for (const name of Object.keys(files)) {
    if (!(name in registry)) throw new Error(`catalog/${name}.json has no schema: add it to CATALOG_FILES in catalog/schemas/index.ts`);
  }
  for (const name of Object.keys(registry)) {
    if (!(name in files)) throw new Error(`catalog/${name}.json is missing (its schema is registered in catalog/schemas/index.ts)`);
  }
  const parsedFiles: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(registry).sort()) {
    const parsed = registry[name]!.safeParse(files[name]);
    if (!parsed.success) throw new Error(issuesText(name, parsed.error));
    const bad = invalidFigures(parsed.data);
    if (bad.length) throw new Error(`catalog/${name}.json is invalid:\n${bad.map((b) => `  ${b.path}: ${b.message}`).join("\n")}`);
    parsedFiles[name] = parsed.data as Record<string, unknown>;
  }

  const f = parsedFiles.figures as z.output<typeof figuresFileSchema>;
  const priceSource = `${f.priceLibrary.name} ${f.priceLibrary.version} (bundled data, published ${f.priceLibrary.published})`;
  const price = (provider: string, model: string) => {
    let raw: Record<string, unknown>;
    try {
      raw = lookup(provider, model);
    } catch (error) {
      throw new Error(`catalog: ${provider}/${model} is named in the catalog but missing from ${f.priceLibrary.name}: ${(error as Error).message}`);
    }
    return toPriceTable(raw, `${provider}/${model}`);
  };

  // Keyed figures of every file, in one map (a key defined twice is an error).
  const figures: Record<string, KeyedFigure> = {};
  const figureOwner: Record<string, string> = {};
  for (const [name, data] of Object.entries(parsedFiles)) {
    const rec = (data.figures ?? {}) as Record<string, KeyedFigure>;
    for (const [key, fig] of Object.entries(rec)) {
      if (key in figures) throw new Error(`catalog: figure ${key} is defined in both catalog/${figureOwner[key]}.json and catalog/${name}.json`);
      figures[key] = fig;
      figureOwner[key] = name;
    }
  }
  const sortedFigures = Object.fromEntries(Object.keys(figures).sort().map((k) => [k, figures[k]!]));

  const legacy = {
    asOf: f.asOf,
    priceLibrary: f.priceLibrary,
    apiModels: f.apiModels.map((m) => ({ ...m, default: m.default ?? false, price: price(m.provider, m.model), source: priceSource, asOf: f.priceLibrary.published })),
    hostedOpenModels: f.hostedOpenModels.map((m) => ({ ...m, default: m.default ?? false, price: price(m.provider, m.model), source: priceSource, asOf: f.priceLibrary.published })),
    qualityPairing: f.qualityPairing,
    openModels: f.openModels,
    gpus: f.gpus,
    throughput: f.throughput,
    compliance: f.compliance,
    policy: f.policy,
  };
  const sections: Record<string, unknown> = {};
  for (const [name, data] of Object.entries(parsedFiles)) {
    if (name === "figures") continue;
    const key = camelCase(name);
    if (key in legacy || key === "figures" || key === "catalogVersion") {
      throw new Error(`catalog/${name}.json lands at snapshot.${key}, which catalog/figures.json still defines: move the section out of figures.json in the same change`);
    }
    const { figures: _own, ...rest } = data;
    sections[key] = rest;
  }
  const body = { ...legacy, ...(sections as FileSections), figures: sortedFigures };
  for (const tier of ["frontier", "mid", "small"] as const) {
    if (body.apiModels.filter((m) => m.tier === tier && m.default).length !== 1) throw new Error(`catalog: tier ${tier} needs exactly one default API model`);
  }
  for (const size of ["large", "small"] as const) {
    if (body.hostedOpenModels.filter((m) => m.sizeClass === size && m.default).length !== 1) throw new Error(`catalog: size ${size} needs exactly one default hosted model`);
  }
  const hash = crypto.createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 10);
  return { catalogVersion: `${f.asOf}+${hash}`, ...body };
}

export type Snapshot = ReturnType<typeof buildSnapshot>;
