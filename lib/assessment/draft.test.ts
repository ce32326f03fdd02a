import { describe, expect, it } from "vitest";
import { ASSESSMENT_DEFAULTS, assessmentInputSchema, evaluate } from "@/lib/engine";
import { portfolioInputSchema } from "@/lib/engine/portfolio/schema";
import { PROFILES } from "@/test/fixtures/profiles";
import {
  addWorkload,
  draftFromInput,
  draftFromPortfolio,
  duplicateWorkload,
  emptyDraft,
  locateIssue,
  moveWorkload,
  removeWorkload,
  restoreDraft,
  toInput,
  toPortfolioInput,
} from "./draft";
import { formFacts } from "./form-facts";
import { DEFAULT_LATENCY_MS, LATENCY_EXAMPLES, latencyHint } from "./latency";
import { sensitiveShareApplies, WORKLOAD_PRESETS } from "./presets";
import { decodePortfolio, encodePortfolio, portfolioPath } from "./url-state";
import { firstInvalid, validateAll } from "./validate";
import { catalog } from "@/lib/engine/catalog";
import { MAX_WORKLOADS } from "@/lib/engine/enums";

const thresholds = formFacts(catalog).latency;

const complete = () => draftFromInput(PROFILES.hospitalPatientData);

describe("one set of defaults", () => {
  it("the empty draft starts from exactly the schema's defaults", () => {
    const d = emptyDraft();
    // What the schema fills in for omitted fields is what the form shows before the user answers.
    const parsed = assessmentInputSchema.parse({
      ...PROFILES.earlyPrototype,
      volume: { requestsPerDay: 1, inputTokensPerRequest: 1, outputTokensPerRequest: 1 },
      data: { sensitivity: "public" },
      capability: { frontier: "helpful" },
      deployment: {},
      strategy: {},
    });
    expect(d.workloads[0]!.volume).toEqual(ASSESSMENT_DEFAULTS.volume);
    expect({
      ...parsed.volume,
      requestsPerDay: undefined,
      inputTokensPerRequest: undefined,
      outputTokensPerRequest: undefined,
    }).toMatchObject(ASSESSMENT_DEFAULTS.volume);
    expect(parsed.deployment).toEqual(d.deployment);
    expect(parsed.strategy).toEqual(d.strategy);
    expect(parsed.data).toMatchObject(d.workloads[0]!.data);
    expect(parsed.capability.customization).toBe(d.workloads[0]!.capability.customization);
  });

  it("the latency step starts at the chat example, and every example is a valid target", () => {
    expect(emptyDraft().workloads[0]!.latency.p95TargetMs).toBe(DEFAULT_LATENCY_MS);
    expect(LATENCY_EXAMPLES.map((x) => x.id)).toEqual(["chat", "voice", "code", "batch"]);
    for (const x of LATENCY_EXAMPLES)
      expect(assessmentInputSchema.shape.latency.safeParse({ p95TargetMs: x.p95TargetMs }).success).toBe(true);
    // The hint follows the catalog's thresholds: code completion is below a hosted round trip, batch is not.
    expect(latencyHint(50, thresholds)).toMatch(/own hardware/);
    expect(latencyHint(60_000, thresholds)).toMatch(/comfortably/);
    expect(latencyHint(undefined, thresholds)).toBeUndefined();
  });
});

describe("sensitive share is reachable wherever the engine uses it", () => {
  it.each([
    ["must stay in house", { sensitivity: "internal", mustStayInHouse: true }, true],
    ["regulated HIPAA data that may leave", { sensitivity: "regulated", regulations: ["hipaa"] }, true],
    ["confidential data under GDPR", { sensitivity: "confidential", regulations: ["gdpr"] }, true],
    ["internal data under SOC 2 only", { sensitivity: "internal", regulations: ["soc2"] }, false],
    ["public data", { sensitivity: "public" }, false],
  ] as const)("%s", (_l, data, shown) => {
    expect(sensitiveShareApplies(data)).toBe(shown);
  });

  it("a sensitive share on regulated data without in-house changes the engine's hybrid (so the form must offer it)", () => {
    const base = PROFILES.hipaaAllowedToLeave;
    const a = evaluate({ ...base, data: { ...base.data, sensitiveShare: 1 } });
    const b = evaluate({ ...base, data: { ...base.data, sensitiveShare: 0.2 } });
    expect(sensitiveShareApplies(base.data)).toBe(true);
    // When a channel covers the regulation the share does not matter; when none does, the hybrid keeps exactly it in house.
    if (a.costs.hybrid.split?.mode === "sensitive-in-house") expect(b.costs.hybrid.split?.selfHostedShare).toBe(0.2);
  });
});

describe("workloads: add, duplicate, remove, reorder", () => {
  it("adds from a preset with a fresh id and edits the new one", () => {
    const d = addWorkload(complete(), { name: "Code completion" });
    expect(d.workloads.map((w) => w.id)).toEqual(["w1", "w2"]);
    expect(d.active).toBe(1);
    const dup = duplicateWorkload(d, 0);
    expect(dup.workloads.map((w) => w.name)).toEqual(["Workload 1", "Workload 1 (copy)", "Code completion"]);
    expect(new Set(dup.workloads.map((w) => w.id)).size).toBe(3);
    expect(dup.workloads[1]!.volume).toEqual(dup.workloads[0]!.volume);
    expect(dup.workloads[1]!.volume).not.toBe(dup.workloads[0]!.volume);
  });

  it("moves the active workload with it and never removes the last one", () => {
    let d = addWorkload(addWorkload(complete()));
    d = { ...d, active: 0 };
    d = moveWorkload(d, 0, 1);
    expect(d.workloads.map((w) => w.id)).toEqual(["w2", "w1", "w3"]);
    expect(d.active).toBe(1);
    expect(moveWorkload(d, 0, -1)).toBe(d);
    d = removeWorkload(d, 0);
    expect(d.workloads.map((w) => w.id)).toEqual(["w1", "w3"]);
    expect(d.active).toBe(0);
    expect(removeWorkload(removeWorkload(d, 1), 0).workloads).toHaveLength(1);
  });

  it("stops at 20 workloads", () => {
    let d = complete();
    for (let i = 0; i < 25; i++) d = addWorkload(d);
    expect(d.workloads).toHaveLength(20);
  });

  it("the form's workload limit is the one the portfolio schema enforces", () => {
    const one = toPortfolioInput(complete());
    const at = (n: number) =>
      portfolioInputSchema.safeParse({
        ...one,
        workloads: Array.from({ length: n }, (_, i) => ({ ...one.workloads[0]!, id: `w${i}` })),
      }).success;
    expect(at(MAX_WORKLOADS)).toBe(true);
    expect(at(MAX_WORKLOADS + 1)).toBe(false);
  });

  it("every workload preset is a complete workload", () => {
    let d = complete();
    for (const p of WORKLOAD_PRESETS)
      d = addWorkload(d, {
        name: p.name,
        volume: p.volume,
        data: { ...p.data, regulations: [] },
        latency: p.latency,
        capability: p.capability,
      });
    expect(validateAll(d)).toEqual({});
    expect(portfolioInputSchema.safeParse(toPortfolioInput(d)).success).toBe(true);
  });
});

describe("errors land on the workload and field they belong to", () => {
  it("maps the API's issue paths to a workload, a step and a field", () => {
    expect(locateIssue("workloads.2.latency.p95TargetMs")).toEqual({
      workload: 2,
      step: "latency",
      field: "latency.p95TargetMs",
    });
    expect(locateIssue("team.mlOpsMaturity")).toEqual({ step: "team", field: "team.mlOpsMaturity" });
    expect(locateIssue("workloads.1.id")).toEqual({ workload: 1, step: "volume", field: "id" });
  });

  it("sends the review to the first incomplete workload and keeps every other answer", () => {
    let d = addWorkload(addWorkload(complete()));
    d.workloads[2]!.latency = {};
    d.workloads[1]!.volume.requestsPerDay = 5000;
    expect(validateAll(d)).toHaveProperty(["workloads.2.latency.p95TargetMs"]);
    const bad = firstInvalid({
      ...d,
      workloads: d.workloads.map((w, i) =>
        i === 1 ? w : { ...w, volume: { ...w.volume, requestsPerDay: w.volume.requestsPerDay ?? 10 } },
      ),
    });
    expect(bad?.step).toBe("volume"); // workload 2 (blank) misses its token counts first
    d = {
      ...d,
      workloads: d.workloads.map((w) => ({
        ...w,
        volume: { ...complete().workloads[0]!.volume },
        data: { ...complete().workloads[0]!.data },
        capability: { frontier: "helpful" as const },
      })),
    };
    expect(firstInvalid(d)).toEqual({ step: "latency", workload: 2 });
  });
});

describe("round trips", () => {
  it("one workload is exactly the single assessment", () => {
    const d = complete();
    expect(evaluate(toInput(d))).toEqual(evaluate(PROFILES.hospitalPatientData));
  });

  it("a portfolio survives the URL and the draft", () => {
    const d = addWorkload(complete(), {
      name: "Second",
      volume: { ...complete().workloads[0]!.volume },
      data: { sensitivity: "public" },
      latency: { p95TargetMs: 900 },
      capability: { frontier: "unnecessary" },
    });
    const input = toPortfolioInput(d);
    const decoded = decodePortfolio(encodePortfolio(input));
    expect(decoded.ok).toBe(true);
    if (decoded.ok)
      expect(toPortfolioInput(draftFromPortfolio(decoded.input)).workloads.map((w) => w.name)).toEqual([
        "Workload 1",
        "Second",
      ]);
    expect(portfolioPath(input)).toMatch(/^\/assess\/portfolio\?p=/);
    expect(decodePortfolio("garbage").ok).toBe(false);
  });

  it("restores progress saved in this browser before portfolios existed (one-workload shape)", () => {
    const legacy = {
      volume: { requestsPerDay: 12_000, inputTokensPerRequest: 1200 },
      data: { sensitivity: "internal" },
      team: {},
      latency: {},
      capability: {},
      deployment: {},
      strategy: {},
    };
    const d = restoreDraft(legacy)!;
    expect(d.workloads).toHaveLength(1);
    expect(d.workloads[0]!.volume.requestsPerDay).toBe(12_000);
    expect(d.workloads[0]!.volume.peakToAverage).toBe(ASSESSMENT_DEFAULTS.volume.peakToAverage);
    expect(restoreDraft(null)).toBeUndefined();
    expect(restoreDraft({ workloads: [] })).toBeUndefined();
  });
});

describe("the questionnaire's proprietary-model picker", () => {
  it.each(["frontier", "mid", "small"] as const)(
    "offers the %s tier's catalog models with exactly one default",
    (tier) => {
      const models = formFacts(catalog).apiModels[tier];
      expect(models.map((m) => m.id).sort()).toEqual(
        catalog.apiModels
          .filter((m) => m.tier === tier)
          .map((m) => m.id)
          .sort(),
      );
      expect(models.filter((m) => m.default)).toHaveLength(1);
    },
  );

  it("a picked model is the one the engine prices", () => {
    const draft = complete();
    const mid = formFacts(catalog).apiModels.mid.find((m) => !m.default)!;
    const input = toInput({
      ...draft,
      workloads: [{ ...draft.workloads[0]!, capability: { frontier: "helpful", apiModel: mid.id } }],
    });
    expect(evaluate(input).comparison.apiModel).toBe(mid.label);
  });
});
