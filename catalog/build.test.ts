import fs from "node:fs";
import { calcPrice, findProvider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { pricePerRequest } from "@/lib/engine/economics";
import { z } from "zod";
import { buildSnapshot, genaiPricesLookup, gpuRateOrderViolations, readCatalogFiles } from "./build";
import { figureRecordSchema, figureSchema, invalidFigures } from "./schema";
import { CATALOG_FILES } from "./schemas";

const files = readCatalogFiles("catalog");
const figures = files.figures as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const apiFile = files["api-models"] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The catalog files with figures.json replaced by an edited copy. */
const withFigures = (f: unknown) => ({ ...files, figures: f });
/** The day the build prices at, as the library's timestamp option. */
const at = { timestamp: new Date(`${apiFile.pricedAt}T12:00:00Z`) };

describe("catalog snapshot builder", () => {
  it("the committed snapshot is up to date with its sources (run npm run catalog:build)", () => {
    const committed = JSON.parse(fs.readFileSync("lib/engine/catalog/snapshot.generated.json", "utf8"));
    expect(committed).toEqual(buildSnapshot(files));
  });

  it("maps the library's prices for every model and hosted offer the catalog names", () => {
    const snapshot = buildSnapshot(files);
    const priced = [
      ...snapshot.apiModels.map((m) => ({ name: m.id, provider: m.provider, model: m.model, price: m.price })),
      ...snapshot.hostedMarket.models.flatMap((m) =>
        m.offers
          .filter((o) => o.provider)
          .map((o) => ({ name: `${m.id} at ${o.label}`, provider: o.provider!, model: o.model!, price: o.price })),
      ),
    ];
    expect(priced.length).toBeGreaterThan(50);
    for (const m of priced) {
      // The library matches some models by another string than their id (Fireworks: accounts/fireworks/models/<id>).
      const direct = calcPrice({ input_tokens: 1 }, m.model, { providerId: m.provider, ...at });
      const match = findProvider({ providerId: m.provider })?.models.find((x) => x.id === m.model)?.match as
        { equals?: string; or?: { equals?: string }[] } | undefined;
      const name =
        direct?.provider.id === m.provider
          ? m.model
          : (match?.equals ?? match?.or?.find((x) => x.equals)?.equals ?? m.model);
      // 100k tokens: below every context tier, so the base rate applies.
      const lib = calcPrice({ input_tokens: 100_000, output_tokens: 100_000 }, name, { providerId: m.provider, ...at });
      expect(lib, m.name).not.toBeNull();
      expect(m.price.inputUsdPerMTok, m.name).toBeCloseTo(lib!.input_price * 10, 9);
      expect(m.price.outputUsdPerMTok, m.name).toBeCloseTo(lib!.output_price * 10, 9);
    }
  });

  it("fails with a clear message when a named model is missing from the library", () => {
    const broken = structuredClone(apiFile);
    broken.models[0].model = "gpt-does-not-exist";
    broken.models[0].id = "openai/gpt-does-not-exist";
    expect(() => buildSnapshot({ ...files, "api-models": broken })).toThrow(
      /openai\/gpt-does-not-exist is named in the catalog but missing from @pydantic\/genai-prices/,
    );
  });

  it("rejects a scoring policy missing a factor's weight, a score row, or with an answer the engine does not know", () => {
    const noWeight = structuredClone(figures);
    delete noWeight.policy.weights.lockIn;
    expect(() => buildSnapshot(withFigures(noWeight))).toThrow(/policy\.weights\.lockIn/);
    const noRow = structuredClone(figures);
    delete noRow.policy.scores.team.dedicated;
    expect(() => buildSnapshot(withFigures(noRow))).toThrow(/policy\.scores\.team\.dedicated/);
    const noFactor = structuredClone(figures);
    delete noFactor.policy.scores.latency;
    expect(() => buildSnapshot(withFigures(noFactor))).toThrow(/policy\.scores\.latency/);
    const unknown = structuredClone(figures);
    unknown.policy.scores.team.expert = { api: 0, "hosted-open": 0, "self-hosted": 0, hybrid: 0 };
    expect(() => buildSnapshot(withFigures(unknown))).toThrow(/expert/);
    const outOfRange = structuredClone(figures);
    outOfRange.policy.scores.team.none.api = 2;
    expect(() => buildSnapshot(withFigures(outOfRange))).toThrow(/policy\.scores\.team\.none\.api/);
    const noOption = structuredClone(figures);
    delete noOption.policy.scores.volume.high.hybrid;
    expect(() => buildSnapshot(withFigures(noOption))).toThrow(/policy\.scores\.volume\.high\.hybrid/);
  });

  it("rejects a GPU of catalog/gpus.json without its market rows (no GPU is priced as another)", () => {
    const market = structuredClone(files["gpu-market"]) as { figures: Record<string, unknown> };
    for (const k of Object.keys(market.figures)) if (k.startsWith("gpuMarket.l40s.")) delete market.figures[k];
    expect(() => buildSnapshot({ ...files, "gpu-market": market })).toThrow(
      /every GPU of catalog\/gpus.json needs its market rows[^]*gpuMarket\.l40s\.gpu-cloud\.on-demand is missing/,
    );
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
    expect(() => buildSnapshot(withFigures(noDerivation))).toThrow(
      /loadedEngineerUsdPerYear.derivation: a derived figure must say how/,
    );
  });

  it("every figure anywhere in the catalog files carries value, unit, range, grade, source and date", () => {
    for (const [name, data] of Object.entries(files)) expect(invalidFigures(data), `catalog/${name}.json`).toEqual([]);
    // The walker does find a broken figure nested anywhere.
    expect(
      invalidFigures({ a: [{ b: { value: 1, unit: "x", low: 0, high: 2, source: "somewhere", asOf: "2026-01-01" } }] }),
    ).toEqual([{ path: "a.0.b.grade", message: expect.any(String) }]);
    expect(
      figureSchema.safeParse({
        value: 1,
        unit: "x",
        low: 0,
        high: 2,
        grade: "measured",
        source: "price list",
        asOf: "2026-12-01",
      }).success,
    ).toBe(true);
  });

  describe("loads every registered catalog file", () => {
    const extra = z.object({ figures: figureRecordSchema.optional(), items: z.array(z.object({ id: z.string() })) });
    const registry = { ...CATALOG_FILES, "test-extra": extra };
    const fig = {
      value: 1.3,
      unit: "ratio",
      low: 1.1,
      high: 1.6,
      grade: "assumed",
      source: "test source",
      asOf: "2026-12-01",
      label: "PUE",
      group: "Facility",
    };

    it("puts a file under camelCase(name) and merges its keyed figures into snapshot.figures", () => {
      const s = buildSnapshot(
        { ...files, "test-extra": { figures: { "testExtra.pue": fig }, items: [{ id: "h100" }] } },
        genaiPricesLookup,
        registry,
      ) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(s.testExtra).toEqual({ items: [{ id: "h100" }] });
      expect(s.figures["testExtra.pue"]).toEqual(fig);
      expect(s.figures["people.fte.basic"]).toEqual(figures.figures["people.fte.basic"]);
    });

    it("fails on a file without a schema, a schema without its file, an invalid file and a key defined twice", () => {
      expect(() => buildSnapshot({ ...files, "test-extra": { items: [] } })).toThrow(
        /catalog\/test-extra.json has no schema: add it to CATALOG_FILES/,
      );
      expect(() => buildSnapshot(files, genaiPricesLookup, registry)).toThrow(/catalog\/test-extra.json is missing/);
      expect(() => buildSnapshot({ ...files, "test-extra": { items: [{}] } }, genaiPricesLookup, registry)).toThrow(
        /catalog\/test-extra.json is invalid:\n  items.0.id/,
      );
      expect(() =>
        buildSnapshot(
          { ...files, "test-extra": { figures: { "selfHosted.minReplicas": fig }, items: [] } },
          genaiPricesLookup,
          registry,
        ),
      ).toThrow(/figure selfHosted.minReplicas is defined in both catalog\/figures.json and catalog\/test-extra.json/);
      const badFig = { ...fig, high: 1.2 };
      expect(() =>
        buildSnapshot(
          { ...files, "test-extra": { figures: { "testExtra.pue": badFig }, items: [] } },
          genaiPricesLookup,
          registry,
        ),
      ).toThrow(/testExtra.pue.high/);
    });
  });

  it("changes the catalog version when any figure changes", () => {
    const changed = structuredClone(figures);
    changed.figures["people.fte.basic"].value += 0.01;
    const a = buildSnapshot(files).catalogVersion;
    const b = buildSnapshot(withFigures(changed)).catalogVersion;
    expect(a).not.toBe(b);
    expect(a.startsWith(figures.asOf)).toBe(true);
  });

  // The engine prices one request with the tier its prompt length falls in, as the library does.
  it.each([
    ["short prompt", 10_000, 1_000, 0],
    ["long prompt past the 272k tier", 300_000, 2_000, 0],
    ["long prompt with cache reads", 300_000, 2_000, 0.4],
    ["prompt between the 200k and 272k tiers", 250_000, 2_000, 0.2],
  ])("tiered prices per request match the library: %s", (_label, inTok, outTok, cachedShare) => {
    const snapshot = buildSnapshot(files);
    for (const tiered of snapshot.apiModels.filter((m) => m.price.tiers.length > 0)) {
      const cached = Math.round(inTok * cachedShare);
      const lib = calcPrice({ input_tokens: inTok, cache_read_tokens: cached, output_tokens: outTok }, tiered.model, {
        providerId: tiered.provider,
        ...at,
      })!;
      expect(pricePerRequest(tiered.price, inTok, outTok, cached / inTok), tiered.id).toBeCloseTo(lib.total_price, 9);
    }
    expect(snapshot.apiModels.filter((m) => m.price.tiers.length > 0).length).toBeGreaterThan(1);
  });

  it("a hosted market entry must be an open model of open-models.json, and its offers must name compliance channels", () => {
    const hosted = structuredClone(files["hosted-providers"]) as {
      models: { id: string; offers: { channels: string[] }[] }[];
    };
    hosted.models[0]!.id = "not-a-model";
    expect(() => buildSnapshot({ ...files, "hosted-providers": hosted })).toThrow(
      /not-a-model is not an open model of catalog\/open-models.json/,
    );
    const badChannel = structuredClone(files["hosted-providers"]) as typeof hosted;
    badChannel.models[0]!.offers[0]!.channels = ["nowhere"];
    expect(() => buildSnapshot({ ...files, "hosted-providers": badChannel })).toThrow(
      /names channel nowhere, which catalog\/compliance.json does not define/,
    );
  });

  it("GPU rates are ordered for every GPU: spot ≤ on demand ≤ hyperscaler, 3-year ≤ 1-year ≤ on demand (enforced at build)", () => {
    const snapshot = buildSnapshot(files);
    const ids = snapshot.gpus.gpus.map((g) => g.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(gpuRateOrderViolations(snapshot.figures, ids)).toEqual([]);
    for (const id of ids) {
      const rate = (k: string) => snapshot.figures[`gpuMarket.${id}.${k}`]!.value;
      expect(rate("gpu-cloud.spot"), id).toBeLessThanOrEqual(rate("gpu-cloud.on-demand"));
      expect(rate("gpu-cloud.on-demand"), id).toBeLessThanOrEqual(rate("hyperscaler.on-demand"));
    }
    // The MI300X quotes as first catalogued (Crusoe spot $1.71 above the $1.675 on-demand median) fail the build.
    const market = structuredClone(files["gpu-market"]) as { figures: Record<string, { value: number; high: number }> };
    market.figures["gpuMarket.mi300x.gpu-cloud.spot"]!.value = 1.71;
    market.figures["gpuMarket.mi300x.gpu-cloud.spot"]!.high = 1.71;
    expect(() => buildSnapshot({ ...files, "gpu-market": market })).toThrow(
      /gpuMarket.mi300x.gpu-cloud.spot \(1.71\) must be ≤ gpuMarket.mi300x.gpu-cloud.on-demand \(1.675\)/,
    );
    const reserved = structuredClone(files["gpu-market"]) as typeof market;
    reserved.figures["gpuMarket.h100.hyperscaler.reserved-3y"]!.value = 5;
    reserved.figures["gpuMarket.h100.hyperscaler.reserved-3y"]!.high = 5;
    expect(() => buildSnapshot({ ...files, "gpu-market": reserved })).toThrow(
      /gpuMarket.h100.hyperscaler.reserved-3y \(5\) must be ≤ gpuMarket.h100.hyperscaler.reserved-1y/,
    );
  });

  it("the lookup refuses models of another provider", () => {
    expect(() => genaiPricesLookup("groq", "gpt-5", apiFile.pricedAt)).toThrow();
  });
});
