import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog, figureOf } from "../catalog";
import type { OptionCost } from "../economics";
import { OPTIONS } from "../enums";
import { verdictRules } from "../evaluate";
import { resolveModel } from "../model";
import { assessmentInputSchema, type AssessmentInput } from "../schema";
import type { Model } from "../types";
import { OPTION_DISPLAY } from "../vocabulary";
import {
  OPTION_REGISTRY,
  optionCosts,
  optionTcos,
  registryCosts,
  registryLatencies,
  registryTcos,
  type CompositeOptionModule,
  type LatencyInputs,
  type PureOptionModule,
} from ".";

// An option is one module in one table (OPTION_REGISTRY): its cost model, its TCO for verdict probes and its
// latency. This registers a throw-away fifth option ("on-device": phones run a small model, the company pays
// a licence per active device) next to the built-ins and checks the pipeline prices and times it without
// any other change, and leaves the built-ins exactly as they were.

const DEVICE_LICENCE_USD_PER_MONTH = 1_500;
const onDevice: PureOptionModule<"on-device"> = {
  id: "on-device",
  kind: "pure",
  cost: (m) => {
    const monthlyUsd = Array.from({ length: m.input.strategy.horizonMonths }, () => DEVICE_LICENCE_USD_PER_MONTH);
    const tcoUsd = monthlyUsd.reduce((a, b) => a + b, 0);
    return {
      monthlyUsd,
      tcoUsd,
      setupUsd: 0,
      perMillionTokensUsd: null,
      breakdown: { overheads: DEVICE_LICENCE_USD_PER_MONTH },
    } satisfies OptionCost;
  },
  tco: (m) => ({ tcoUsd: m.input.strategy.horizonMonths * DEVICE_LICENCE_USD_PER_MONTH }),
  latency: (q) => ({
    option: "self-hosted",
    ms: 40,
    targetMs: q.params.targetMs,
    feasible: 40 <= q.params.targetMs,
    model: "on-device 3B",
    text: "runs on the phone",
    source: "throw-away test option",
    userTokensPerSecond: 30,
    fullResponseMs: 40,
  }),
};
/** A throw-away composite: the cheapest pure option, whichever the registry holds. */
const cheapestOf: CompositeOptionModule<"cheapest"> = {
  id: "cheapest",
  kind: "composite",
  cost: (_m, _p, parts) => Object.values(parts).reduce((a, b) => (b.tcoUsd < a.tcoUsd ? b : a)),
  tco: (_m, _p, parts) => Object.values(parts).reduce((a, b) => (b.tcoUsd < a.tcoUsd ? b : a)),
  latency: (_q, parts) => parts["on-device"]!,
};
const withThrowAway = [...OPTION_REGISTRY, onDevice, cheapestOf];

const models: [string, Model][] = Object.entries(PROFILES as Record<string, AssessmentInput>).map(([k, p]) => [
  k,
  resolveModel(assessmentInputSchema.parse(p), catalog),
]);
const minShare = figureOf(catalog, "economics.hybrid.minShare").value;
const json = (x: unknown) => JSON.stringify(x);

describe("the option registry", () => {
  it("holds every option once, in OPTIONS order, as the display table and the policy scores do", () => {
    expect(OPTION_REGISTRY.map((o) => o.id)).toEqual([...OPTIONS]);
    expect(Object.keys(OPTION_DISPLAY)).toEqual([...OPTIONS]);
    for (const rows of Object.values(catalog.policy.scores))
      for (const row of Object.values(rows)) expect(Object.keys(row)).toEqual([...OPTIONS]);
  });

  it.each(models)(
    "%s: a throw-away fifth option (and a composite) is priced and timed from its module alone; the built-ins are unchanged",
    (_name, m) => {
      const pricing = { ctx: verdictRules(m, catalog).ctx, minShare };
      const base = optionCosts(m, pricing.ctx, minShare);
      const costs = registryCosts(m, pricing, {}, withThrowAway);
      expect(Object.keys(costs)).toEqual(["api", "hosted-open", "self-hosted", "on-device", "hybrid", "cheapest"]);
      expect(costs["on-device"]!.tcoUsd).toBe(m.input.strategy.horizonMonths * DEVICE_LICENCE_USD_PER_MONTH);
      for (const o of OPTIONS) expect(json(costs[o]), o).toBe(json(base[o]));
      // The composite sees the new option among its parts.
      expect(costs.cheapest!.tcoUsd).toBe(
        Math.min(...["api", "hosted-open", "self-hosted", "on-device"].map((o) => costs[o]!.tcoUsd)),
      );
      // The verdict probes' TCO-only path agrees with the full costs, the new options included.
      const tcos = registryTcos(m, pricing, {}, withThrowAway);
      for (const o of Object.keys(costs)) expect(tcos[o]!.tcoUsd, o).toBe(costs[o]!.tcoUsd);
      const baseTcos = optionTcos(m, pricing.ctx, minShare);
      for (const o of OPTIONS) expect(tcos[o]!.tcoUsd, o).toBe(baseTcos[o].tcoUsd);
    },
  );

  it("times every option from its module: the built-ins as the model has them, the throw-away one as it says", () => {
    const m = models[0]![1];
    const q: LatencyInputs = {
      params: {
        inTok: 1000,
        outTok: 200,
        targetMs: 2_000,
        measure: "first-token",
        p95OverMedian: 1.5,
        networkMs: 50,
        referencePromptTokens: 10_000,
        prefillTokensPerSecond: 10_000,
      },
      api: {
        label: "API",
        ttftSeconds: { value: 0.5, source: "test" },
        outputTokensPerSecond: { value: 80, source: "test" },
      },
      hosted: {
        label: "Hosted",
        ttftSeconds: { value: 0.4, source: "test" },
        outputTokensPerSecond: { value: 120, source: "test" },
      },
      choice: m.capacity,
      e2eP95OverMedian: 1.11,
      outputTokensPerRequest: 200,
    };
    const lat = registryLatencies(q, withThrowAway);
    expect(Object.keys(lat)).toEqual(["api", "hosted-open", "self-hosted", "on-device", "hybrid", "cheapest"]);
    expect(lat["on-device"]!.feasible).toBe(true);
    expect(lat.cheapest).toBe(lat["on-device"]);
    expect(lat.api!.ms).toBeCloseTo(500 * 1.5 + 50, 9);
    expect(json(registryLatencies(q))).toBe(json(Object.fromEntries(OPTIONS.map((o) => [o, lat[o]]))));
  });
});
