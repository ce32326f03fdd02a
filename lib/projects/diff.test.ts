import { describe, expect, it } from "vitest";
import { catalog, evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { diffEvaluations, diffInputs, resultsMoved } from "./diff";

describe("diffs between results", () => {
  it("lists exactly the answers that changed, by dotted path", () => {
    const a = PROFILES.earlyPrototype;
    const b = {
      ...a,
      volume: { ...a.volume, requestsPerDay: 9000 },
      data: { ...a.data, regulations: ["gdpr" as const] },
    };
    expect(diffInputs(a, b)).toEqual([
      { path: "data.regulations", before: undefined, after: "gdpr" },
      { path: "volume.requestsPerDay", before: 150, after: 9000 },
    ]);
    expect(diffInputs(a, a)).toEqual([]);
  });

  it("lists a portfolio's changed answers per workload, matched by id", () => {
    const w = (id: string, requestsPerDay: number) => ({ id, name: id, volume: { requestsPerDay } });
    const a = { workloads: [w("claims", 100), w("code", 5)], team: { mlOpsMaturity: "basic" } };
    const b = { workloads: [w("code", 50), w("claims", 100), w("voice", 7)], team: { mlOpsMaturity: "basic" } };
    expect(diffInputs(a, b)).toEqual([
      { path: "workloads.code.volume.requestsPerDay", before: 5, after: 50 },
      { path: "workloads.voice.id", before: undefined, after: "voice" },
      { path: "workloads.voice.name", before: undefined, after: "voice" },
      { path: "workloads.voice.volume.requestsPerDay", before: undefined, after: 7 },
    ]);
  });

  it("reports a verdict change and moved costs", () => {
    const before = evaluate(PROFILES.earlyPrototype);
    const after = evaluate(PROFILES.hospitalPatientData);
    expect(before.recommendation).not.toBe(after.recommendation);
    const d = diffEvaluations(before, after);
    expect(d.verdict).toEqual({ before: before.recommendation, after: after.recommendation, changed: true });
    expect(d.costs.find((c) => c.option === "api")!.tcoAfter).toBeGreaterThan(
      d.costs.find((c) => c.option === "api")!.tcoBefore,
    );
  });

  it("shows what a new catalog changes for the same answers", () => {
    const oldCatalog = structuredClone(catalog);
    oldCatalog.catalogVersion = "2026-01-01+0000000000";
    for (const [k, f] of Object.entries(oldCatalog.figures))
      if (/^gpuMarket\.[^.]+\.gpu-cloud\./.test(k))
        Object.assign(f, { value: f.value * 2, low: f.low * 2, high: f.high * 2 });
    const before = evaluate(PROFILES.veryHighVolumeDedicatedTeam, oldCatalog);
    const after = evaluate(PROFILES.veryHighVolumeDedicatedTeam);
    const d = diffEvaluations(before, after);
    expect(d.catalog.changed).toBe(true);
    const sh = d.costs.find((c) => c.option === "self-hosted")!;
    expect(sh.monthOneAfter).toBeLessThan(sh.monthOneBefore);
  });

  it("tells whether re-saving would change anything: new catalog, or a new engine output on the same catalog", () => {
    const today = evaluate(PROFILES.airGapped);
    expect(resultsMoved(diffEvaluations(today, evaluate(PROFILES.airGapped)))).toBe(false);
    expect(resultsMoved(diffEvaluations({ ...today, catalogVersion: "2025-01-01+0" }, today))).toBe(true);
    // Same catalog, but an older engine stored a different monthly cost.
    const olderEngine = structuredClone(today);
    olderEngine.costs.api.monthlyUsd[0] = (olderEngine.costs.api.monthlyUsd[0] ?? 0) + 50;
    expect(resultsMoved(diffEvaluations(olderEngine, today))).toBe(true);
    const noise = structuredClone(today);
    noise.costs.api.tcoUsd += 0.001;
    expect(resultsMoved(diffEvaluations(noise, today))).toBe(false);
  });
});

describe("compare lists model changes and price overrides (issue 26 item 1)", () => {
  it("revision 2's answers switch the API model: the switch and the held $30 are listed", () => {
    const rev1 = {
      volume: {
        requestsPerDay: 50_000,
        inputTokensPerRequest: 1_500,
        outputTokensPerRequest: 400,
        monthlyGrowthPct: 2,
      },
      data: { sensitivity: "internal" },
      team: { mlOpsMaturity: "basic" },
      latency: { p95TargetMs: 3_000 },
      capability: { frontier: "helpful" },
      assumptions: { "api.outputUsdPerMTok": 30 },
      overrideModels: { api: "anthropic/claude-sonnet-5" },
    } as const;
    const rev2 = { ...rev1, volume: { ...rev1.volume, monthlyGrowthPct: 5 }, latency: { p95TargetMs: 1_000 } };
    const d = diffEvaluations(evaluate(rev1), evaluate(rev2));
    expect(d.models).toContainEqual({
      what: "Proprietary model",
      before: "Claude Sonnet 5 (Anthropic)",
      after: "Gemini 3.8 Flash (Google)",
    });
    expect(d.overrides).toEqual([
      {
        key: "api.outputUsdPerMTok",
        before: {
          value: 30,
          setOnLabel: "Claude Sonnet 5 (Anthropic)",
          pricedLabel: "Claude Sonnet 5 (Anthropic)",
          applied: true,
        },
        after: {
          value: 30,
          setOnLabel: "Claude Sonnet 5 (Anthropic)",
          pricedLabel: "Gemini 3.8 Flash (Google)",
          applied: false,
        },
      },
    ]);
  });
});
