import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { evaluate } from "../evaluate";
import { resolveModel } from "../model";
import { assessmentInputSchema } from "../schema";
import { catalog } from "./index";

// capability.apiModel: the user prices another proprietary model than the tier default.
describe("choosing the API model", () => {
  const base = PROFILES.hipaaAllowedToLeave;

  it("prices the model the user picked, with its own list price", () => {
    const luna = catalog.apiModels.find((m) => m.id === "openai/gpt-6-luna")!;
    const m = resolveModel(
      assessmentInputSchema.parse({ ...base, capability: { ...base.capability, apiModel: luna.id } }),
      catalog,
    );
    expect(m.apiModelLabel).toBe(luna.label);
    expect(m.apiPrice).toEqual(luna.price);
    const def = resolveModel(assessmentInputSchema.parse(base), catalog);
    expect(def.apiModelLabel).not.toBe(luna.label);
  });

  it("a picked model changes the API cost", () => {
    const dear = evaluate({ ...base, capability: { ...base.capability, apiModel: "openai/gpt-6-astra" } }).costs.api
      .tcoUsd;
    const cheap = evaluate({ ...base, capability: { ...base.capability, apiModel: "openai/gpt-6-luna" } }).costs.api
      .tcoUsd;
    expect(dear).toBeGreaterThan(cheap * 10);
  });

  it("an id the catalog no longer has falls back to the tier default and says so", () => {
    const m = resolveModel(
      assessmentInputSchema.parse({ ...base, capability: { ...base.capability, apiModel: "openai/gpt-4-retired" } }),
      catalog,
    );
    const def = catalog.apiModels.find((x) => x.tier === m.apiTier && x.default)!;
    expect(m.apiModelLabel).toBe(def.label);
    expect(m.apiSwitch).toMatch(/openai\/gpt-4-retired is not in catalog .* default .* is priced instead/);
  });

  it("a malformed id is a validation error", () => {
    expect(
      assessmentInputSchema.safeParse({ ...base, capability: { ...base.capability, apiModel: "GPT 6!" } }).success,
    ).toBe(false);
  });
});
