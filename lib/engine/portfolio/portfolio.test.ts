import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { companyAnswersArb, workloadAnswersArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "../catalog";
import { inHouseBinds } from "../data-rules";
import { evaluate } from "../evaluate";
import { assessmentInputSchema, type AssessmentInput } from "../schema";
import { evaluatePortfolio, EXHAUSTIVE_LIMIT, workloadInput } from "./evaluate";
import { fleetsCost, TEAM_KEYS, workloadCosts, type FleetDemand } from "./fleet-cost";
import { marginalText } from "./texts";
import { portfolioInputSchema, type PortfolioInput, type WorkloadInput } from "./schema";

// Smaller workloads than a single assessment's (each run prices many of them together).
const workload = workloadAnswersArb({
  requestsPerDay: 2e7,
  inputTokens: 100_000,
  outputTokens: 8_000,
  growthPct: 15,
  peakToAverage: 8,
  regulations: 2,
});
const workloadArb = (id: string): fc.Arbitrary<WorkloadInput> =>
  fc.record({ id: fc.constant(id), name: fc.constant(`Workload ${id}`), ...workload });

const companyArb = fc.record(companyAnswersArb);

const portfolioArb = (min: number, max: number): fc.Arbitrary<PortfolioInput> =>
  fc
    .integer({ min, max })
    .chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => workloadArb(`w${i}`))), companyArb))
    .map(([workloads, company]) => ({ workloads, ...company }));

// Fixed seed: CI runs the same cases every time (FC_SEED / FC_RUNS explore others locally).
const SEED = Number(process.env.FC_SEED ?? 20261201);
const runs = (n: number) => ({ numRuns: Number(process.env.FC_RUNS ?? n), seed: SEED });
const RUNS = runs(40);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

const fromProfile = (id: string, p: AssessmentInput): WorkloadInput => ({
  id,
  name: id,
  volume: p.volume,
  data: p.data,
  latency: p.latency,
  capability: p.capability,
});

describe("portfolio semantics (contract v1.1)", () => {
  it("a one-workload portfolio gives that workload's evaluate() verdict and cost", () => {
    fc.assert(
      fc.property(portfolioArb(1, 1), (p) => {
        const r = evaluatePortfolio(p);
        const alone = evaluate(workloadInput(portfolioInputSchema.parse(p), 0));
        // Documented exception: hard rules leave nothing and prompts must stay in house (the plan keeps it on own GPUs).
        if (alone.ranking.every((x) => x.excluded) && inHouseBinds(portfolioInputSchema.parse(p).workloads[0]!.data))
          return;
        expect(r.workloads[0]!.placement).toBe(alone.recommendation);
        expect(r.workloads[0]!.standalone).toEqual(alone);
        const cost = alone.costs[alone.recommendation];
        expect(close(r.plan.tcoUsd, cost.tcoUsd)).toBe(true);
        r.plan.monthlyUsd.forEach((x, t) => expect(close(x, cost.monthlyUsd[t]!)).toBe(true));
        expect(r.plan.poolingSavingsUsd).toBe(0);
        // The plan's premium is evaluate()'s premium (all-hybrid is among the alternatives).
        expect(close(r.costPremiumUsd, alone.costPremiumUsd)).toBe(true);
      }),
      RUNS,
    );
  });

  it.each(Object.entries(PROFILES))(
    "one-workload portfolio of the %s profile equals evaluate(), verdict and cost",
    (_name, profile) => {
      // Includes verdicts that are not the cheapest option (a dedicated team's self-hosting over cheaper hosted
      // open weights): the plan keeps the verdict's priorities, it does not re-decide on cost alone.
      const r = evaluatePortfolio({
        workloads: [fromProfile("only", profile)],
        team: profile.team,
        deployment: profile.deployment,
        strategy: profile.strategy,
        assumptions: profile.assumptions,
      });
      const alone = evaluate(profile);
      expect(r.workloads[0]!.placement).toBe(alone.recommendation);
      expect(r.plan.tcoUsd).toBeCloseTo(alone.costs[alone.recommendation].tcoUsd, 4);
      expect(r.costPremiumUsd).toBeCloseTo(alone.costPremiumUsd, 4);
    },
  );

  it("pooling never hurts: the plan never costs more than every workload at its own verdict", () => {
    fc.assert(
      fc.property(portfolioArb(1, 4), (p) => {
        const r = evaluatePortfolio(p);
        expect(r.plan.tcoUsd).toBeLessThanOrEqual(r.alternatives["each-alone"].tcoUsd + 0.01);
        expect(r.costPremiumUsd).toBeGreaterThanOrEqual(0);
        const feasible = Object.values(r.alternatives)
          .filter((a) => a.feasible)
          .map((a) => a.tcoUsd);
        const premium = r.plan.tcoUsd - Math.min(...feasible);
        // Under a dollar reads as none, as in evaluate().
        expect(r.costPremiumUsd).toBeCloseTo(premium >= 1 ? premium : 0, 2);
        expect(r.plan.monthlyUsd.reduce((a, b) => a + b, 0)).toBeCloseTo(r.plan.tcoUsd, 2);
        // Every amount the plan's sentences state is an amount: never "$0.00", never a negative saving.
        // (Per-workload reasons quote the workload's own evaluate() reason after the placement; those are the rules'.)
        const own = [
          ...r.reasons.filter((x) => !x.factor.startsWith("workload:")).map((x) => x.text),
          ...Object.values(r.alternatives).map((a) => a.text),
          ...r.workloads.map((w) => (w.placement === w.verdict ? "" : w.text)),
          ...r.workloads.map((w) => marginalText(w.marginalTcoUsd, r.horizonMonths)),
        ];
        for (const t of own) expect(t).not.toMatch(/\$0\.00|\$-|-\$/);
      }),
      RUNS,
    );
  });

  it("a workload whose prompts must stay in house is never placed on an external API, and a hybrid sends out only the rest", () => {
    fc.assert(
      fc.property(portfolioArb(1, 4), (p) => {
        const r = evaluatePortfolio(p);
        r.workloads.forEach((w, i) => {
          // The mandate binds the sensitive share: with a 0% share it binds nothing (lib/engine/data-rules.ts).
          if (!inHouseBinds(portfolioInputSchema.parse(p).workloads[i]!.data)) return;
          expect(["api", "hosted-open"]).not.toContain(w.placement);
          // The optimised hybrid may keep more than the sensitive share in house, never less.
          if (w.placement === "hybrid")
            expect(w.standalone.costs.hybrid.split!.selfHostedShare).toBeGreaterThanOrEqual(
              (p.workloads[i]!.data.sensitiveShare ?? 1) - 1e-9,
            );
        });
        // Hard rules hold for every workload, not only in-house ones (unless its rules leave no option at all).
        r.workloads.forEach((w) => {
          if (w.standalone.ranking.some((x) => !x.excluded))
            expect(w.standalone.ranking.find((x) => x.option === w.placement)!.excluded).toBe(false);
        });
      }),
      RUNS,
    );
  });

  it("adding a workload never lowers the plan's cost", () => {
    fc.assert(
      fc.property(portfolioArb(1, 3), workloadArb("extra"), (p, extra) => {
        const before = evaluatePortfolio(p);
        const after = evaluatePortfolio({ ...p, workloads: [...p.workloads, extra] });
        expect(after.search.method).toBe("exhaustive");
        expect(after.plan.tcoUsd).toBeGreaterThanOrEqual(before.plan.tcoUsd - 0.01);
      }),
      runs(30),
    );
  });

  it("placements are deterministic and do not depend on where a workload sits in the list", () => {
    fc.assert(
      fc.property(portfolioArb(2, 4), fc.integer({ min: 1, max: 3 }), (p, shift) => {
        const a = evaluatePortfolio(p);
        expect(evaluatePortfolio(structuredClone(p))).toEqual(a);
        const n = p.workloads.length;
        for (const order of [[...p.workloads].reverse(), p.workloads.map((_, i) => p.workloads[(i + shift) % n]!)]) {
          const b = evaluatePortfolio({ ...p, workloads: order });
          expect(close(b.plan.tcoUsd, a.plan.tcoUsd), `${b.plan.tcoUsd} vs ${a.plan.tcoUsd}`).toBe(true);
          // Same workload, same place, whatever the order.
          const byId = new Map(b.workloads.map((w) => [w.id, w.placement]));
          a.workloads.forEach((w) => expect(byId.get(w.id)).toBe(w.placement));
          expect(close(b.costPremiumUsd, a.costPremiumUsd)).toBe(true);
          expect(close(b.plan.poolingSavingsUsd, a.plan.poolingSavingsUsd)).toBe(true);
        }
      }),
      runs(30),
    );
  });

  // Counterexamples the random property found before fleets were priced from figures their members share.
  it.each<[string, Partial<WorkloadInput>[], Partial<PortfolioInput>]>([
    [
      "two fine-tuned workloads of different quality tiers on one open model (retraining priced at the dearest)",
      [
        { capability: { frontier: "helpful", customization: "full-control" } },
        { capability: { frontier: "unnecessary", customization: "fine-tuning" } },
        { capability: { frontier: "required", customization: "none" } },
      ],
      { deployment: { offline: true, gpu: "l40s", gpuSource: "gpu-cloud" } },
    ],
    [
      "an in-house workload (owned servers) next to one that rents",
      [
        { capability: { frontier: "unnecessary", customization: "fine-tuning" } },
        {
          data: { sensitivity: "public", regulations: [], mustStayInHouse: true, sensitiveShare: 1 },
          capability: { frontier: "helpful", customization: "fine-tuning" },
        },
      ],
      { deployment: { offline: false, gpu: "l40s" } },
    ],
  ])("order does not change the plan: %s", (_label, parts, company) => {
    const zero = {
      requestsPerDay: 1_000,
      inputTokensPerRequest: 500,
      outputTokensPerRequest: 200,
      monthlyGrowthPct: 0,
      peakToAverage: 1,
      cachedInputShare: 0,
      batchShare: 0.5,
    };
    const workloads = parts.map((x, i): WorkloadInput => ({
      id: `w${i}`,
      name: `W${i}`,
      volume: zero,
      data: { sensitivity: "public", regulations: [], mustStayInHouse: false, sensitiveShare: 0 },
      latency: { p95TargetMs: 2_000 },
      capability: { frontier: "helpful" },
      ...x,
    }));
    const p: PortfolioInput = {
      workloads,
      team: { mlOpsMaturity: "none" },
      strategy: { timeToMarket: "weeks", lockInConcern: "low", horizonMonths: 6 },
      ...company,
    };
    const a = evaluatePortfolio(p);
    const b = evaluatePortfolio({ ...p, workloads: [...workloads].reverse() });
    expect(close(a.plan.tcoUsd, b.plan.tcoUsd)).toBe(true);
    expect(b.workloads.map((w) => w.placement).reverse()).toEqual(a.workloads.map((w) => w.placement));
  });

  it("members of a pool agree on every figure their fleet is priced from; every workload on the team's", () => {
    // What may differ between workloads on one fleet (summed or maxed over the members in fleet-cost.ts,
    // or not read by fleetCost at all). Anything else differing would make the fleet's cost depend on
    // which member it is priced on, i.e. on the workloads' order.
    const perWorkload = new Set(["selfHosted.tokensPerSecondPerReplica", "fineTuning.gpuHoursPerRetrain"]);
    const notFleet = (k: string) => k.startsWith("api.") || k.startsWith("hostedOpen.");
    fc.assert(
      fc.property(portfolioArb(2, 5), (raw) => {
        const p = portfolioInputSchema.parse(raw);
        const demands: FleetDemand[] = p.workloads.map((w, i) => {
          const input = workloadInput(p, i);
          return workloadCosts(w.id, input, catalog, evaluate(input, catalog)).demand["self-hosted"];
        });
        for (const k of TEAM_KEYS) expect(new Set(demands.map((d) => d.m.values[k])).size, k).toBe(1);
        const pools = new Map<string, FleetDemand[]>();
        for (const d of demands) pools.set(d.poolKey, [...(pools.get(d.poolKey) ?? []), d]);
        for (const g of pools.values()) {
          for (const d of g.slice(1)) {
            const first = g[0]!.m.values as Record<string, number>;
            for (const [k, v] of Object.entries(d.m.values))
              if (!perWorkload.has(k) && !notFleet(k)) expect(v, `${k} in pool ${d.poolKey}`).toBe(first[k]);
            expect(d.gpuSource).toBe(g[0]!.gpuSource);
            expect(d.gpuTerm).toBe(g[0]!.gpuTerm);
          }
        }
      }),
      runs(25),
    );
  });
});

describe("the shared fleet", () => {
  it.each(Object.entries(PROFILES))(
    "one workload's fleet reproduces evaluate()'s self-hosted and hybrid costs month by month (%s)",
    (_name, profile) => {
      const input = assessmentInputSchema.parse(profile);
      const e = evaluate(input);
      const c = workloadCosts("x", input, catalog, e);
      for (const o of ["self-hosted", "hybrid"] as const) {
        const f = fleetsCost([c.demand[o]], input.strategy.horizonMonths, true, false);
        const ext = o === "hybrid" ? c.external.hybrid : new Float64Array(input.strategy.horizonMonths);
        e.costs[o].monthlyUsd.forEach((x, t) =>
          expect(close(f.monthlyUsd[t]! + ext[t]!, x), `${o} month ${t + 1}`).toBe(true),
        );
      }
    },
  );

  it("two small in-house workloads that fit one minimum fleet cost what one of them costs alone", () => {
    const small = fromProfile("a", PROFILES.hospitalPatientData);
    const twin = { ...structuredClone(small), id: "b", name: "b" };
    twin.volume = { ...twin.volume, requestsPerDay: 10 };
    small.volume = { ...small.volume, requestsPerDay: 10 };
    const one = evaluatePortfolio({ workloads: [small], team: PROFILES.hospitalPatientData.team });
    const two = evaluatePortfolio({ workloads: [small, twin], team: PROFILES.hospitalPatientData.team });
    expect(two.workloads.map((w) => w.placement)).toEqual(["self-hosted", "self-hosted"]);
    // Same minimum fleet, one team: the second workload adds nothing.
    expect(two.plan.fleets).toHaveLength(1);
    expect(two.plan.fleets[0]!.gpus.first).toBe(one.plan.fleets[0]!.gpus.first);
    expect(two.plan.tcoUsd).toBeCloseTo(one.plan.tcoUsd, 2);
    expect(two.plan.poolingSavingsUsd).toBeCloseTo(one.plan.tcoUsd, 2);
    expect(two.reasons.map((r) => r.text).join(" ")).toMatch(/on one fleet with one team saves \$/);
    expect(two.alternatives["all-api"].feasible).toBe(false);
  });

  it("workloads on two open models get two fleets but one team: people and set-up are paid once", () => {
    const big = fromProfile("big", PROFILES.hospitalPatientData);
    const small = {
      ...fromProfile("small", PROFILES.hospitalPatientData),
      capability: { frontier: "unnecessary" as const },
    };
    const team = PROFILES.hospitalPatientData.team;
    const r = evaluatePortfolio({ workloads: [big, small], team });
    expect(r.workloads.map((w) => w.placement)).toEqual(["self-hosted", "self-hosted"]);
    expect(r.plan.fleets.map((f) => f.openModel)).toHaveLength(2);
    const alone = r.workloads.map((w) => w.standalone.costs["self-hosted"].breakdown);
    // One team: set-up once; people for both fleets (they scale with GPUs and models operated) cost less than two teams.
    expect(r.plan.breakdown.setup).toBeCloseTo(alone[0]!.setup!, 6);
    expect(r.plan.breakdown.people).toBeLessThan(alone[0]!.people! + alone[1]!.people!);
    expect(r.plan.breakdown.people).toBeGreaterThan(Math.max(alone[0]!.people!, alone[1]!.people!));
    const hardware = (b: (typeof alone)[number]) =>
      (b.gpus ?? 0) + (b.power ?? 0) + (b.colocation ?? 0) + (b.maintenance ?? 0);
    expect(r.plan.breakdown.gpus).toBeCloseTo(hardware(alone[0]!) + hardware(alone[1]!), 6);
    expect(r.plan.poolingSavingsUsd).toBeGreaterThan(alone[1]!.setup!);
  });

  it("a workload moves onto the shared fleet only when joining costs less than its verdict, and says so", () => {
    const inHouse = fromProfile("claims", PROFILES.hospitalPatientData);
    const assistant = fromProfile("assistant", {
      ...PROFILES.earlyPrototype,
      volume: { ...PROFILES.earlyPrototype.volume, requestsPerDay: 3_000 },
    });
    const r = evaluatePortfolio({ workloads: [inHouse, assistant], team: { mlOpsMaturity: "experienced" } });
    const a = r.workloads[1]!;
    if (a.placement !== a.verdict) {
      expect(["self-hosted", "hybrid"]).toContain(a.placement);
      expect(a.marginalTcoUsd).toBeLessThan(a.standalone.costs[a.verdict].tcoUsd);
      expect(a.text).toMatch(/moves from .* to .* shared/);
    } else {
      expect(a.text).toMatch(/stays at its own verdict/);
    }
    // Options cheaper than its verdict alone were passed over for other reasons; the search never offers them.
    for (const o of a.candidates.slice(1))
      expect(a.standalone.costs[o].tcoUsd).toBeGreaterThanOrEqual(a.standalone.costs[a.verdict].tcoUsd - 0.01);
  });

  it("searches greedily above the exhaustive limit, never ends above each-alone, and gets close to the exhaustive optimum", () => {
    fc.assert(
      fc.property(portfolioArb(2, 4), (p) => {
        const exhaustive = evaluatePortfolio(p);
        const greedy = evaluatePortfolio(p, catalog, { exhaustiveLimit: 0 });
        expect(greedy.search.method).toBe("greedy");
        expect(greedy.plan.tcoUsd).toBeLessThanOrEqual(greedy.alternatives["each-alone"].tcoUsd + 0.01);
        expect(greedy.plan.tcoUsd).toBeGreaterThanOrEqual(exhaustive.plan.tcoUsd - 0.01);
      }),
      runs(15),
    );
    // 20 workloads run (the bench times them) and respect the limit.
    const workloads = Array.from({ length: 20 }, (_, i) =>
      fromProfile(`w${i}`, Object.values(PROFILES)[i % Object.values(PROFILES).length]!),
    );
    const r = evaluatePortfolio({ workloads, team: { mlOpsMaturity: "experienced" } });
    expect(r.workloads).toHaveLength(20);
    const space = r.workloads.reduce((n, w) => n * w.candidates.length, 1);
    expect(r.search.method).toBe(space > EXHAUSTIVE_LIMIT ? "greedy" : "exhaustive");
    expect(r.plan.tcoUsd).toBeLessThanOrEqual(r.alternatives["each-alone"].tcoUsd + 0.01);
  });
});

describe("portfolio texts", () => {
  it("never says a workload adds $0.00", () => {
    expect(marginalText(0, 36)).toBe("adds nothing to the plan's cost over 36 months");
    expect(marginalText(1e-9, 36)).toBe("adds nothing to the plan's cost over 36 months");
    expect(marginalText(310_000, 36)).toBe("adds $310k over 36 months");
    expect(marginalText(-1_200, 12)).toBe("lowers the plan's cost by $1,200 over 12 months");
  });
});

describe("portfolio input", () => {
  const w = fromProfile("a", PROFILES.earlyPrototype);
  const issuePaths = (body: unknown) => {
    const r = portfolioInputSchema.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };
  it.each<[string, unknown, string]>([
    ["no workloads", { workloads: [], team: { mlOpsMaturity: "basic" } }, "workloads"],
    [
      "more than 20",
      { workloads: Array.from({ length: 21 }, (_, i) => ({ ...w, id: `w${i}` })), team: { mlOpsMaturity: "basic" } },
      "workloads",
    ],
    ["duplicate ids", { workloads: [w, { ...w, name: "other" }], team: { mlOpsMaturity: "basic" } }, "workloads.1.id"],
    [
      "one field invalid in one workload",
      {
        workloads: [w, { ...w, id: "b" }, { ...w, id: "c", latency: { p95TargetMs: -1 } }],
        team: { mlOpsMaturity: "basic" },
      },
      "workloads.2.latency.p95TargetMs",
    ],
    ["no team", { workloads: [w] }, "team"],
    [
      "an unknown assumption key",
      { workloads: [w], team: { mlOpsMaturity: "basic" }, assumptions: { "gpu.costPerHour": 1 } },
      "assumptions",
    ],
  ])("rejects %s at its exact path", (_l, body, path) => {
    expect(issuePaths(body)).toContain(path);
  });
});
