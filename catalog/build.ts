// Turns catalog/figures.json plus the bundled price database of @pydantic/genai-prices into the
// compact, versioned snapshot the engine imports (lib/engine/catalog/snapshot.generated.json).
// The engine never imports the price library, so the browser bundle carries only the snapshot.
import crypto from "node:crypto";
import { calcPrice } from "@pydantic/genai-prices";
import { z } from "zod";

const sourced = { source: z.string().min(3), asOf: z.iso.date() };

const figureSchema = z.object({
  value: z.number(),
  low: z.number(),
  high: z.number(),
  unit: z.string(),
  label: z.string(),
  group: z.string(),
  ...sourced,
});

const rateSchema = z.object({ usdPerHour: z.number().positive(), low: z.number().positive(), high: z.number().positive(), ...sourced });

export const figuresSchema = z.object({
  asOf: z.iso.date(),
  priceLibrary: z.object({ name: z.string(), version: z.string(), published: z.iso.date() }),
  apiModels: z.array(
    z.object({ tier: z.enum(["frontier", "mid", "small"]), provider: z.string(), model: z.string(), label: z.string(), default: z.boolean().optional() }),
  ),
  hostedOpenModels: z.array(
    z.object({ sizeClass: z.enum(["large", "small"]), provider: z.string(), model: z.string(), label: z.string(), default: z.boolean().optional() }),
  ),
  qualityPairing: z.object({ frontier: z.enum(["large", "small"]), mid: z.enum(["large", "small"]), small: z.enum(["large", "small"]), ...sourced }),
  openModels: z.record(
    z.enum(["large", "small"]),
    z.object({
      label: z.string(),
      gpusPerReplicaOnH100: z.number().int().positive(),
      /** GPU memory one replica needs (weights plus KV cache); GPUs per replica = next power of two of need ÷ GPU memory (tensor parallelism). */
      memoryGbPerReplica: z.number().positive(),
      ...sourced,
    }),
  ),
  gpus: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      relativeThroughput: z.number().positive(),
      relativeThroughputSource: z.string(),
      memoryGb: z.number().positive(),
      rates: z.object({ "gpu-cloud": rateSchema, hyperscaler: rateSchema, owned: rateSchema.optional() }),
    }),
  ),
  throughput: z.object({
    sloHeadroomFactor: z.object({ value: z.number().min(1), ...sourced }),
    points: z.array(
      z.object({
        sizeClass: z.enum(["large", "small"]),
        inputTokens: z.number().positive(),
        outputTokens: z.number().positive(),
        outputTokensPerSecond: z.number().positive(),
        maxThroughput: z.boolean().optional(),
        ...sourced,
      }),
    ),
    spread: z.object({ low: z.number().positive(), high: z.number().positive(), ...sourced }),
  }),
  figures: z.record(z.string(), figureSchema),
  compliance: z.object({
    channels: z.array(
      z.object({
        id: z.string(),
        option: z.enum(["api", "hosted-open"]),
        label: z.string(),
        zeroDataRetention: z.boolean(),
        baa: z.boolean(),
        dataResidency: z.array(z.string()),
        privateDeployment: z.boolean(),
        covers: z.array(z.enum(["hipaa", "gdpr", "pci", "soc2", "finra", "fedramp", "itar"])),
        ...sourced,
      }),
    ),
  }),
  policy: z.object({
    version: z.string(),
    weights: z.record(z.string(), z.number().nonnegative()),
    confidence: z.object({ base: z.number(), gapScale: z.number(), conflictPenalty: z.number(), min: z.number(), max: z.number() }),
    // factor -> answer -> [api, hosted-open, self-hosted, hybrid] scores in [-1, 1]
    scores: z.record(z.string(), z.record(z.string(), z.tuple([z.number(), z.number(), z.number(), z.number()]))),
    scoresComment: z.string(),
    ...sourced,
  }),
});
export type Figures = z.infer<typeof figuresSchema>;

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

export function buildSnapshot(figuresJson: unknown, lookup: PriceLookup = genaiPricesLookup) {
  const parsed = figuresSchema.safeParse(figuresJson);
  if (!parsed.success) {
    throw new Error(`catalog/figures.json is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const f = parsed.data;
  const priceSource = `${f.priceLibrary.name} ${f.priceLibrary.version} (bundled data, published ${f.priceLibrary.published})`;
  const price = (provider: string, model: string) => {
    let raw: Record<string, unknown>;
    try {
      raw = lookup(provider, model);
    } catch (error) {
      throw new Error(`catalog: ${provider}/${model} is named in catalog/figures.json but missing from ${f.priceLibrary.name}: ${(error as Error).message}`);
    }
    return toPriceTable(raw, `${provider}/${model}`);
  };
  const body = {
    asOf: f.asOf,
    priceLibrary: f.priceLibrary,
    apiModels: f.apiModels.map((m) => ({ ...m, default: m.default ?? false, price: price(m.provider, m.model), source: priceSource, asOf: f.priceLibrary.published })),
    hostedOpenModels: f.hostedOpenModels.map((m) => ({ ...m, default: m.default ?? false, price: price(m.provider, m.model), source: priceSource, asOf: f.priceLibrary.published })),
    qualityPairing: f.qualityPairing,
    openModels: f.openModels,
    gpus: f.gpus,
    throughput: f.throughput,
    figures: f.figures,
    compliance: f.compliance,
    policy: f.policy,
  };
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
