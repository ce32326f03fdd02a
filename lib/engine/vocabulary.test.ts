import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "./catalog";
import {
  CUSTOMIZATIONS,
  FRONTIER_NEEDS,
  GPU_SOURCES,
  GPUS,
  LATENCY_MEASURES,
  LOCK_IN_CONCERNS,
  ML_OPS_MATURITIES,
  OPTIONS,
  REGULATIONS,
  SENSITIVITIES,
  TIMES_TO_MARKET,
} from "./enums";
import { evaluate } from "./evaluate";
import * as v from "./vocabulary";

// What users read never shows an internal value: every answer, option, factor and GPU has a name.
const kebabId = /^[a-z0-9]+(-[a-z0-9]+)+$/;
const camelCase = /^[a-z]+[A-Z]/;

describe("vocabulary", () => {
  it.each([
    ["options", OPTIONS, v.OPTION_LABELS],
    ["sensitivities", SENSITIVITIES, v.SENSITIVITY_LABELS],
    ["regulations", REGULATIONS, v.REGULATION_LABELS],
    ["ML-ops maturities", ML_OPS_MATURITIES, v.ML_OPS_LABELS],
    ["frontier needs", FRONTIER_NEEDS, v.FRONTIER_LABELS],
    ["customizations", CUSTOMIZATIONS, v.CUSTOMIZATION_LABELS],
    ["times to market", TIMES_TO_MARKET, v.TIME_TO_MARKET_LABELS],
    ["lock-in concerns", LOCK_IN_CONCERNS, v.LOCK_IN_LABELS],
    ["GPU sources", GPU_SOURCES, v.GPU_SOURCE_LABELS],
    ["latency measures", LATENCY_MEASURES, v.LATENCY_MEASURE_LABELS],
  ] as const)("names every one of the %s in words", (_name, values, labels) => {
    const table = labels as Record<string, string>;
    expect(Object.keys(table).sort()).toEqual([...values].sort());
    for (const value of values) {
      expect(table[value]).toMatch(/\S/);
      expect(table[value]).not.toBe(value);
      expect(table[value]).not.toMatch(kebabId);
    }
  });

  it("reads GPU names from the catalog, and names the engine's own choice", () => {
    for (const g of GPUS) {
      const label = v.gpuLabel(g, catalog.gpus.gpus);
      expect(label).toBe(g === "auto" ? "Let RentOrOwn choose" : catalog.gpus.gpus.find((x) => x.id === g)!.label);
    }
  });

  it("names every factor the engine reports for the sample companies, never as its id", () => {
    const factors = new Set(Object.values(PROFILES).flatMap((p) => evaluate(p).reasons.map((r) => r)));
    expect(factors.size).toBeGreaterThan(5);
    for (const r of factors) {
      const label = v.factorLabel(r);
      expect(label).not.toMatch(camelCase);
      expect(label).not.toMatch(kebabId);
      expect(label).not.toContain(":");
      if (v.isHardRule(r)) expect(label).toBe("Hard rule");
    }
  });

  it("turns a factor id nobody listed yet into words", () => {
    expect(v.factorLabel("timeToMarket")).toBe("Time to market");
    expect(v.factorLabel("contextWindow")).toBe("Context window");
    expect(v.factorLabel("rule:offline")).toBe("Hard rule");
    expect(v.factorLabel({ factor: "offline", kind: "rule" })).toBe("Hard rule");
  });

  it("has a user-facing name for every cost item the engine breaks a month into", () => {
    for (const o of OPTIONS) {
      for (const key of Object.keys(evaluate(PROFILES.sensitiveSliceHybrid).costs[o].breakdown)) {
        expect(v.COST_ITEM_LABELS).toHaveProperty(key);
      }
    }
  });
});
