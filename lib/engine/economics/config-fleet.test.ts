import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "../catalog";
import { capacityCatalog } from "../capacity";
import { apiTierFor, resolveModel } from "../model";
import { assessmentInputSchema, type AssessmentInput } from "../schema";
import { configFleetUsd, configPricer, fleetTermsFor, fleetTermsOf } from "./config-fleet";
import { selfHostedCost } from "./costs";
import { engineerUsd, setupUsd, staffFigures } from "./staff";
import { capacityPeak, tokensPerDayOf } from "./tokens";

// The configuration ranking skips pricing a configuration whose lower bound exceeds what it has to
// beat (capacity/choose.ts), so the bound must never exceed the exact cost: if it did, a configuration
// could be skipped that the full ranking would have sized, and the choice would change silently.

const gpuIds = capacityCatalog(catalog).gpus.map((g) => g.id);
const sampled = fc.sample(inputArb, { seed: 2718, numRuns: 120 });
// Terms and overrides the arbitrary does not vary: committed rental terms, rising and falling GPU prices,
// other server sizes, a larger minimum fleet.
const variants: Partial<AssessmentInput>[] = [
  { deployment: { gpuSource: "gpu-cloud", gpuTerm: "reserved-1y" } },
  { deployment: { gpuSource: "hyperscaler", gpuTerm: "reserved-3y" } },
  { assumptions: { "gpu.priceChangePerYear": 0.5 } },
  { assumptions: { "gpu.priceChangePerYear": -0.6 } },
  { deployment: { gpuSource: "owned" }, assumptions: { "owned.gpusPerServer": 4 } },
  { deployment: { gpuSource: "owned" }, assumptions: { "owned.gpusPerServer": 16, "gpu.priceChangePerYear": 0.3 } },
  { assumptions: { "selfHosted.minReplicas": 3 } },
];
const inputs = [
  ...Object.values(PROFILES as Record<string, AssessmentInput>),
  ...sampled,
  ...sampled.slice(0, 42).map((x, i) => ({ ...x, ...variants[i % variants.length] }) as AssessmentInput),
].map((x) => assessmentInputSchema.parse(x));

describe("configPricer", () => {
  it("prices exactly as configFleetUsd, and its lower bound never exceeds the exact horizon cost (any GPU, GPUs per replica, throughput, volume)", () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: inputs.length - 1 }),
        fc.constantFrom(...gpuIds),
        fc.constantFrom(1, 2, 4, 8),
        fc.double({ min: 1, max: 7, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 9, noNaN: true })),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (i, gpuId, tp, log10Tps, log10Tpd, peak) => {
          const input = inputs[i]!;
          const terms = fleetTermsFor(input, catalog, gpuId, apiTierFor(input.capability.frontier));
          if (!terms) return;
          const tps = 10 ** log10Tps;
          const tpd = log10Tpd === 0 ? 0 : 10 ** log10Tpd;
          const pricer = configPricer(terms, tpd, peak);
          const exact = pricer.horizon(tp, tps);
          expect(pricer.price(tp, tps)).toEqual(configFleetUsd(terms, tp, tps, tpd, peak));
          expect(pricer.price(tp, tps).usdHorizon).toBe(exact);
          expect(pricer.lowerBound(tp, tps)).toBeLessThanOrEqual(exact);
          checked++;
        },
      ),
      { seed: 2718, numRuns: 4000 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it("the lower bound is close enough to skip most configurations (within a factor 3 of the exact cost on the profiles)", () => {
    const ratios: number[] = [];
    for (const input of inputs.slice(0, Object.keys(PROFILES).length)) {
      const terms = fleetTermsFor(input, catalog, "h100", apiTierFor(input.capability.frontier));
      if (!terms) continue;
      const tpd =
        input.volume.requestsPerDay * (input.volume.inputTokensPerRequest + input.volume.outputTokensPerRequest);
      const pricer = configPricer(terms, tpd, input.volume.peakToAverage);
      for (const tps of [300, 3_000, 30_000])
        for (const tp of [1, 2, 4, 8]) ratios.push(pricer.lowerBound(tp, tps) / pricer.horizon(tp, tps));
    }
    ratios.sort((a, b) => a - b);
    expect(ratios[Math.floor(ratios.length / 2)]!).toBeGreaterThan(1 / 3);
  });
});

// Two month loops price a fleet: fleet.ts runFleet (what self-hosting costs) and config-fleet.ts monthByMonth
// (the configuration ranking's key, written for speed). The ranking's key must be fleetCost's TCO less what
// every configuration pays alike (core, per-model and on-call staff, tooling, set-up), month by month the
// same replicas, servers, spot share, trends, people per GPU and training runs: checked here on random inputs
// (rented and owned, every term) so the two loops cannot drift apart.
describe("configFleetUsd and fleetCost price the same fleet", () => {
  it("usdHorizon = self-hosted TCO − the configuration-independent costs, on random inputs and terms", () => {
    let checked = 0;
    for (const input of inputs) {
      const m = resolveModel(input, catalog);
      const v = m.values;
      const months = input.strategy.horizonMonths;
      const terms = fleetTermsOf(m);
      const ranked = configFleetUsd(
        terms,
        v["selfHosted.gpusPerReplica"],
        v["selfHosted.tokensPerSecondPerReplica"],
        tokensPerDayOf(m),
        capacityPeak(m),
      );
      const fleet = selfHostedCost(m);
      const f = staffFigures(m);
      const sharedStaffMonthly = engineerUsd(f.fte + f.ftePerModel + f.onCallFte, f.loadedUsdPerYear);
      const shared = months * (sharedStaffMonthly + v["overheads.toolingUsdPerMonth"]) + setupUsd(m);
      const expected = fleet.tcoUsd - shared;
      expect(
        Math.abs(ranked.usdHorizon - expected),
        `${JSON.stringify(input).slice(0, 200)}: ranking ${ranked.usdHorizon} vs fleet ${expected}`,
      ).toBeLessThanOrEqual(1e-9 * Math.max(1, fleet.tcoUsd));
      expect(ranked.replicasFirst).toBe(fleet.fleet!.replicas.first);
      expect(ranked.replicasLast).toBe(fleet.fleet!.replicas.last);
      checked++;
    }
    expect(checked).toBe(inputs.length);
  });
});
