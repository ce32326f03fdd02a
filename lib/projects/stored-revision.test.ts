import { describe, expect, it } from "vitest";
import { evaluate, evaluatePortfolio, assessmentInputSchema, portfolioInputSchema } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { REVISION_SHAPE_VERSION, revisionColumns, toStoredRevision } from "./stored-revision";

const input = assessmentInputSchema.parse(PROFILES.zeroVolume);

/** What a revision saved before versioning looks like: the Evaluation of that day, without the v1.1 fields. */
function shapeOneRow() {
  const e = JSON.parse(JSON.stringify(evaluate(input))) as Record<string, unknown> & {
    costs: Record<string, { perMillionTokensUsd: number | null }>;
    comparison: Record<string, unknown>;
  };
  delete e.costPremiumUsd;
  delete e.whatWouldChange;
  delete e.economics;
  delete e.comparison.gpuTerm;
  for (const c of Object.values(e.costs)) if (c.perMillionTokensUsd === null) c.perMillionTokensUsd = 0;
  return {
    id: "r1",
    number: 1,
    createdAt: new Date("2026-11-23T10:00:00Z"),
    catalogVersion: "2026-11-23+old",
    recommendation: String(e.recommendation),
    input,
    evaluation: e,
  };
}

describe("toStoredRevision", () => {
  it("opens a revision saved in the first shape (no kind, no shape version) with today's fields filled honestly", () => {
    const r = toStoredRevision(shapeOneRow());
    expect(r.kind).toBe("assessment");
    expect(r.storedShapeVersion).toBe(1);
    expect(r.createdAt).toBe("2026-11-23T10:00:00.000Z");
    if (r.kind !== "assessment") throw new Error("unreachable");
    expect(r.evaluation.whatWouldChange).toEqual([]);
    expect(r.notRecorded).toEqual(["whatWouldChange", "economics"]);
    // Derivable from what was stored: the verdict's TCO minus the cheapest usable option's.
    const usable = r.evaluation.ranking.filter((x) => !x.excluded).map((x) => r.evaluation.costs[x.option].tcoUsd);
    expect(r.evaluation.costPremiumUsd).toBeCloseTo(
      r.evaluation.costs[r.evaluation.recommendation].tcoUsd - Math.min(...usable),
      6,
    );
    // Zero volume: options that cost money but serve no tokens say null, not $0 per million.
    for (const c of Object.values(r.evaluation.costs)) if (c.tcoUsd > 0) expect(c.perMillionTokensUsd).toBeNull();
    expect(r.evaluation.comparison.gpuTerm).toBe("");
  });

  it("passes today's shapes through, assessment and portfolio, and refuses a shape from the future", () => {
    const e = evaluate(input);
    const a = toStoredRevision({
      id: "a",
      number: 2,
      createdAt: "2026-12-01T00:00:00Z",
      ...revisionColumns("assessment", input, e, e.recommendation),
    });
    expect(a.kind === "assessment" && a.evaluation).toEqual(JSON.parse(JSON.stringify(e)));
    expect(a.notRecorded).toEqual([]);
    const p = portfolioInputSchema.parse({
      workloads: [
        {
          id: "w1",
          name: "One",
          volume: input.volume,
          data: input.data,
          latency: input.latency,
          capability: input.capability,
        },
      ],
      team: input.team,
    });
    const pe = evaluatePortfolio(p);
    const s = toStoredRevision({
      id: "p",
      number: 3,
      createdAt: new Date(),
      ...revisionColumns("portfolio", p, pe, "portfolio"),
    });
    expect(s.kind).toBe("portfolio");
    expect(s.storedShapeVersion).toBe(REVISION_SHAPE_VERSION);
    expect(() => toStoredRevision({ ...shapeOneRow(), shapeVersion: REVISION_SHAPE_VERSION + 1 })).toThrow(/newer/);
  });
});

describe("price overrides of old revisions (issue 26 item 1)", () => {
  const revision1 = assessmentInputSchema.parse({
    volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400, monthlyGrowthPct: 2 },
    data: { sensitivity: "internal" },
    team: { mlOpsMaturity: "basic" },
    latency: { p95TargetMs: 3_000 },
    capability: { frontier: "helpful" },
    assumptions: { "api.outputUsdPerMTok": 30, "hostedOpen.inputUsdPerMTok": 0.5 },
  });
  /** A shape-2 row: unbound overrides, an Evaluation naming its models by label only. */
  function shapeTwoRow() {
    const e = JSON.parse(JSON.stringify(evaluate(revision1))) as Record<string, unknown> & {
      comparison: Record<string, unknown>;
    };
    delete e.comparison.apiModelId;
    delete e.comparison.hostedModelId;
    delete e.priceOverrides;
    return {
      id: "r1",
      number: 1,
      createdAt: "2026-12-01T00:00:00Z",
      catalogVersion: String(e.catalogVersion),
      recommendation: String(e.recommendation),
      kind: "assessment",
      shapeVersion: 2,
      input: revision1,
      evaluation: e,
    };
  }

  it("binds them on read to the models that revision priced, so revising the answers cannot move them to another model", async () => {
    const { catalogModelIds } = await import("./model-ids");
    const r = toStoredRevision(shapeTwoRow(), catalogModelIds);
    if (r.kind !== "assessment") throw new Error("unreachable");
    const hostedId = evaluate(revision1).comparison.hostedModelId;
    expect(r.input.overrideModels).toEqual({ api: "anthropic/claude-sonnet-5", hostedOpen: hostedId });
    // Revision 2: only latency and growth change; the API model switches to Gemini 3.8 Flash.
    const revised = evaluate({
      ...r.input,
      volume: { ...r.input.volume, monthlyGrowthPct: 5 },
      latency: { ...r.input.latency, p95TargetMs: 1_000 },
    });
    expect(revised.comparison.apiModelId).toBe("google/gemini-3.8-flash");
    expect(revised.priceOverrides.find((o) => o.key === "api.outputUsdPerMTok")).toMatchObject({
      applied: false,
      setOn: "anthropic/claude-sonnet-5",
    });
  });

  it("a save binds unbound overrides to the models the server's evaluation priced (shape 3)", () => {
    const e = evaluate(revision1);
    const cols = revisionColumns("assessment", revision1, e, e.recommendation);
    expect(cols.shapeVersion).toBe(3);
    expect((cols.input as typeof revision1).overrideModels).toEqual({
      api: "anthropic/claude-sonnet-5",
      hostedOpen: e.comparison.hostedModelId,
    });
    // Without overrides nothing is added.
    const plain = revisionColumns("assessment", input, evaluate(input), "api");
    expect((plain.input as typeof input).overrideModels).toBeUndefined();
  });
});
