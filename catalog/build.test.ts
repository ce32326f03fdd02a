import fs from "node:fs";
import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { pricePerRequest } from "@/lib/engine/costs";
import { z } from "zod";
import { buildSnapshot, genaiPricesLookup, readCatalogFiles } from "./build";
import { figureRecordSchema, figureSchema, invalidFigures } from "./schema";
import { CATALOG_FILES } from "./schemas";

const files = readCatalogFiles("catalog");
const figures = files.figures as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The catalog files with figures.json replaced by an edited copy. */
const withFigures = (f: unknown) => ({ ...files, figures: f });

describe("catalog snapshot builder", () => {
  it("the committed snapshot is up to date with its sources (run npm run catalog:build)", () => {
    const committed = JSON.parse(fs.readFileSync("lib/engine/catalog/snapshot.generated.json", "utf8"));
    expect(committed).toEqual(buildSnapshot(files));
  });

  it("maps the library's prices for every model the catalog names", () => {
    const snapshot = buildSnapshot(files);
    for (const m of [...snapshot.apiModels, ...snapshot.hostedOpenModels]) {
      // 100k tokens: below every context tier, so the base rate applies.
      const lib = calcPrice({ input_tokens: 100_000, output_tokens: 100_000 }, m.model, { providerId: m.provider });
      expect(lib, `${m.provider}/${m.model}`).not.toBeNull();
      expect(m.price.inputUsdPerMTok).toBeCloseTo(lib!.input_price * 10, 9);
      expect(m.price.outputUsdPerMTok).toBeCloseTo(lib!.output_price * 10, 9);
    }
  });

  it("fails with a clear message when a named model is missing from the library", () => {
    const broken = structuredClone(figures);
    broken.apiModels[0].model = "gpt-does-not-exist";
    expect(() => buildSnapshot(withFigures(broken))).toThrow(/openai\/gpt-does-not-exist is named in the catalog but missing from @pydantic\/genai-prices/);
  });

  it("rejects a figure without its source", () => {
    const broken = structuredClone(figures);
    delete broken.figures["selfHosted.targetUtilization"].source;
    expect(() => buildSnapshot(withFigures(broken))).toThrow(/figures.selfHosted.targetUtilization.source/);
  });

  it("rejects a keyed figure without its evidence grade, and a range that does not hold its value", () => {
    const noGrade = structuredClone(figures);
    delete noGrade.figures["people.fte.basic"].grade;
    expect(() => buildSnapshot(withFigures(noGrade))).toThrow(/figures.people.fte.basic.grade/);
    const badRange = structuredClone(figures);
    badRange.figures["people.fte.basic"].low = 5;
    expect(() => buildSnapshot(withFigures(badRange))).toThrow(/people.fte.basic.low: low \(5\) must be ≤ value/);
    const noDerivation = structuredClone(figures);
    delete noDerivation.figures["people.loadedEngineerUsdPerYear"].derivation;
    expect(() => buildSnapshot(withFigures(noDerivation))).toThrow(/loadedEngineerUsdPerYear.derivation: a derived figure must say how/);
  });

  it("every figure anywhere in the catalog files carries value, unit, range, grade, source and date", () => {
    for (const [name, data] of Object.entries(files)) expect(invalidFigures(data), `catalog/${name}.json`).toEqual([]);
    // The walker does find a broken figure nested anywhere.
    expect(invalidFigures({ a: [{ b: { value: 1, unit: "x", low: 0, high: 2, source: "somewhere", asOf: "2026-01-01" } }] })).toEqual([
      { path: "a.0.b.grade", message: expect.any(String) },
    ]);
    expect(figureSchema.safeParse({ value: 1, unit: "x", low: 0, high: 2, grade: "measured", source: "price list", asOf: "2026-12-01" }).success).toBe(true);
  });

  describe("loads every registered catalog file", () => {
    const extra = z.object({ figures: figureRecordSchema.optional(), items: z.array(z.object({ id: z.string() })) });
    const registry = { ...CATALOG_FILES, "gpu-market": extra };
    const fig = { value: 1.3, unit: "ratio", low: 1.1, high: 1.6, grade: "assumed", source: "test source", asOf: "2026-12-01", label: "PUE", group: "Facility" };

    it("puts a file under camelCase(name) and merges its keyed figures into snapshot.figures", () => {
      const s = buildSnapshot({ ...files, "gpu-market": { figures: { "gpuMarket.pue": fig }, items: [{ id: "h100" }] } }, genaiPricesLookup, registry) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(s.gpuMarket).toEqual({ items: [{ id: "h100" }] });
      expect(s.figures["gpuMarket.pue"]).toEqual(fig);
      expect(s.figures["people.fte.basic"]).toEqual(figures.figures["people.fte.basic"]);
    });

    it("fails on a file without a schema, a schema without its file, an invalid file and a key defined twice", () => {
      expect(() => buildSnapshot({ ...files, "gpu-market": { items: [] } })).toThrow(/catalog\/gpu-market.json has no schema: add it to CATALOG_FILES/);
      expect(() => buildSnapshot(files, genaiPricesLookup, registry)).toThrow(/catalog\/gpu-market.json is missing/);
      expect(() => buildSnapshot({ ...files, "gpu-market": { items: [{}] } }, genaiPricesLookup, registry)).toThrow(/catalog\/gpu-market.json is invalid:\n  items.0.id/);
      expect(() => buildSnapshot({ ...files, "gpu-market": { figures: { "selfHosted.minReplicas": fig }, items: [] } }, genaiPricesLookup, registry)).toThrow(
        /figure selfHosted.minReplicas is defined in both catalog\/figures.json and catalog\/gpu-market.json/,
      );
      const badFig = { ...fig, high: 1.2 };
      expect(() => buildSnapshot({ ...files, "gpu-market": { figures: { "gpuMarket.pue": badFig }, items: [] } }, genaiPricesLookup, registry)).toThrow(/gpuMarket.pue.high/);
    });
  });

  it("changes the catalog version when any figure changes", () => {
    const changed = structuredClone(figures);
    changed.gpus[0].rates["gpu-cloud"].usdPerHour += 0.01;
    const a = buildSnapshot(files).catalogVersion;
    const b = buildSnapshot(withFigures(changed)).catalogVersion;
    expect(a).not.toBe(b);
    expect(a.startsWith(figures.asOf)).toBe(true);
  });

  // The engine prices one request with the tier its prompt length falls in, as the library does.
  it.each([
    ["short prompt", 10_000, 1_000, 0],
    ["long prompt past the 200k tier", 250_000, 2_000, 0],
    ["long prompt with cache reads", 250_000, 2_000, 0.4],
  ])("tiered prices per request match the library: %s", (_label, inTok, outTok, cachedShare) => {
    const snapshot = buildSnapshot(files);
    const sonnet = snapshot.apiModels.find((m) => m.model === "claude-sonnet-4-5")!;
    expect(sonnet.price.tiers.length).toBeGreaterThan(0);
    const cached = Math.round(inTok * cachedShare);
    const lib = calcPrice({ input_tokens: inTok, cache_read_tokens: cached, output_tokens: outTok }, "claude-sonnet-4-5", { providerId: "anthropic" })!;
    expect(pricePerRequest(sonnet.price, inTok, outTok, cached / inTok)).toBeCloseTo(lib.total_price, 9);
  });

  it("the lookup refuses models of another provider", () => {
    expect(() => genaiPricesLookup("groq", "gpt-5")).toThrow();
  });
});
