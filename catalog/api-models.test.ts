import { describe, expect, it } from "vitest";
import {
  blendedPrice,
  buildSnapshot,
  genaiPricesLookup,
  libraryModelIds,
  newerInLine,
  readCatalogFiles,
} from "./build";
import type { ApiModelsFile } from "./schemas/api-models";

// The proprietary models are today's: each is the newest of its vendor line in the pinned price
// library, each tier default follows the stated rule, and a model the library drops fails the build.
const files = readCatalogFiles("catalog");
const apiFile = files["api-models"] as ApiModelsFile;
const snapshot = buildSnapshot(files);

describe("API models against the price library", () => {
  it.each(apiFile.models.map((m) => [m.id, m] as const))("%s is in the library and not deprecated", (_id, m) => {
    expect(libraryModelIds(m.provider), `${m.id} missing or deprecated in the price library`).toContain(m.model);
  });

  // Candidates for a tier default must be current; the other models are kept on purpose to show the spread.
  it.each(apiFile.models.filter((m) => m.recommended).map((m) => [m.id, m] as const))(
    "candidate %s is the newest of its vendor line",
    (_id, m) => {
      expect(
        newerInLine(m, libraryModelIds(m.provider)),
        `the price library has a newer ${m.vendor} model than ${m.model}: update catalog/api-models.json`,
      ).toEqual([]);
    },
  );

  it("the outdated check does catch a newer model of the line", () => {
    const astra = apiFile.models.find((m) => m.model === "gpt-6-astra")!;
    expect(newerInLine(astra, ["gpt-6-astra", "gpt-5.5", "gpt-6.2-astra", "gpt-6-sol"])).toEqual(["gpt-6.2-astra"]);
    expect(newerInLine(astra, ["gpt-7"])).toEqual(["gpt-7"]);
    const opus = apiFile.models.find((m) => m.model === "claude-opus-5-5")!;
    expect(newerInLine(opus, ["claude-opus-5", "claude-opus-4-8", "claude-opus-6"])).toEqual(["claude-opus-6"]);
  });

  it("every tier has candidates from OpenAI, Anthropic and Google and exactly one default", () => {
    for (const tier of ["frontier", "mid", "small"] as const) {
      const vendors = new Set(apiFile.models.filter((m) => m.tier === tier && m.recommended).map((m) => m.vendor));
      expect([...vendors].sort(), tier).toEqual(["Anthropic", "Google", "OpenAI"]);
      expect(
        snapshot.apiModels.filter((m) => m.tier === tier && m.default),
        tier,
      ).toHaveLength(1);
    }
  });

  it("each tier default is the candidate with the median blended price (the stated rule)", () => {
    for (const tier of ["frontier", "mid", "small"] as const) {
      const candidates = snapshot.apiModels
        .filter((m) => m.tier === tier && m.recommended)
        .map((m) => blendedPrice(m.price, apiFile.blend));
      const def = snapshot.apiModels.find((m) => m.tier === tier && m.default)!;
      const sorted = [...candidates].sort((a, b) => a - b);
      expect(blendedPrice(def.price, apiFile.blend), tier).toBe(sorted[Math.floor((sorted.length - 1) / 2)]);
      expect(def.recommended, tier).toBeDefined();
    }
  });

  it("the default moves when a vendor's price moves past the median", () => {
    // Price Opus 5.5 above GPT-6 Astra: the median frontier candidate becomes GPT-6 Astra's rival below it.
    const dearOpus = (provider: string, model: string, at: string) =>
      model === "claude-opus-5-5" ? { input_mtok: 100, output_mtok: 500 } : genaiPricesLookup(provider, model, at);
    const s = buildSnapshot(files, dearOpus);
    const before = snapshot.apiModels.find((m) => m.tier === "frontier" && m.default)!.id;
    const after = s.apiModels.find((m) => m.tier === "frontier" && m.default)!.id;
    expect(after).not.toBe(before);
    expect(after).toBe("openai/gpt-6-astra");
  });

  it("prices are read as in force on pricedAt, not today", () => {
    // Gemini 3.8 Flash has introductory rates until 2026-12-31 in the library.
    const dec = genaiPricesLookup("google", "gemini-3.8-flash", "2026-12-01");
    const jan = genaiPricesLookup("google", "gemini-3.8-flash", "2027-01-02");
    expect(dec.input_mtok).not.toEqual(jan.input_mtok);
    const flash = snapshot.apiModels.find((m) => m.model === "gemini-3.8-flash")!;
    expect(flash.price.inputUsdPerMTok).toBe(
      genaiPricesLookup("google", "gemini-3.8-flash", apiFile.pricedAt).input_mtok as number,
    );
  });

  it("every model carries context, output limit, speed and time to first token as graded figures", () => {
    for (const m of snapshot.apiModels) {
      for (const f of [m.contextTokens, m.maxOutputTokens, m.outputTokensPerSecond, m.timeToFirstTokenSeconds]) {
        expect(["measured", "derived", "assumed"]).toContain(f.grade);
        expect(f.low).toBeLessThanOrEqual(f.value);
        expect(f.high).toBeGreaterThanOrEqual(f.value);
      }
    }
  });
});
