import fs from "node:fs";
import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { pricePerRequest } from "@/lib/engine/costs";
import { buildSnapshot, genaiPricesLookup } from "./build";

const figures = JSON.parse(fs.readFileSync("catalog/figures.json", "utf8"));

describe("catalog snapshot builder", () => {
  it("the committed snapshot is up to date with its sources (run npm run catalog:build)", () => {
    const committed = JSON.parse(fs.readFileSync("lib/engine/catalog/snapshot.generated.json", "utf8"));
    expect(committed).toEqual(buildSnapshot(figures));
  });

  it("maps the library's prices for every model the catalog names", () => {
    const snapshot = buildSnapshot(figures);
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
    expect(() => buildSnapshot(broken)).toThrow(/openai\/gpt-does-not-exist is named in catalog\/figures.json but missing from @pydantic\/genai-prices/);
  });

  it("rejects a figure without its source", () => {
    const broken = structuredClone(figures);
    delete broken.figures["selfHosted.targetUtilization"].source;
    expect(() => buildSnapshot(broken)).toThrow(/figures.selfHosted.targetUtilization.source/);
  });

  it("changes the catalog version when any figure changes", () => {
    const changed = structuredClone(figures);
    changed.gpus[0].rates["gpu-cloud"].usdPerHour += 0.01;
    const a = buildSnapshot(figures).catalogVersion;
    const b = buildSnapshot(changed).catalogVersion;
    expect(a).not.toBe(b);
    expect(a.startsWith(figures.asOf)).toBe(true);
  });

  // The engine prices one request with the tier its prompt length falls in, as the library does.
  it.each([
    ["short prompt", 10_000, 1_000, 0],
    ["long prompt past the 200k tier", 250_000, 2_000, 0],
    ["long prompt with cache reads", 250_000, 2_000, 0.4],
  ])("tiered prices per request match the library: %s", (_label, inTok, outTok, cachedShare) => {
    const snapshot = buildSnapshot(figures);
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
