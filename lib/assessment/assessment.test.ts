import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "@/lib/engine/catalog";
import { draftFromInput, emptyDraft, toInput } from "./draft";
import { formFacts } from "./form-facts";
import { applyPreset, VOLUME_PRESETS, volumeBand } from "./presets";
import { percentToShare, parseNumberField, shareToPercent, tokensPerDay } from "./units";
import { decodeAnswers, encodeAnswers, resultPath } from "./url-state";
import { firstInvalidStep, validateStep } from "./validate";

describe("unit conversions", () => {
  it.each([
    ["0.3 share", 0.3, 30],
    ["full share", 1, 100],
    ["tiny share", 0.0125, 1.25],
  ])("%s ↔ percent", (_l, share, pct) => {
    expect(shareToPercent(share)).toBe(pct);
    expect(percentToShare(pct)).toBeCloseTo(share, 12);
  });

  it.each([
    ["plain", "1500", 1500],
    ["thousands separators", "1,500,000", 1_500_000],
    ["decimal", "2.5", 2.5],
    ["empty", "", undefined],
    ["text", "lots", undefined],
  ])("parses a number field: %s", (_l, text, expected) => {
    expect(parseNumberField(text)).toBe(expected);
  });

  it("computes tokens per day as the contract defines it", () => {
    expect(tokensPerDay({ requestsPerDay: 1000, inputTokensPerRequest: 800, outputTokensPerRequest: 200 })).toBe(
      1_000_000,
    );
    expect(tokensPerDay({ requestsPerDay: 1000 })).toBeUndefined();
  });
});

describe("presets", () => {
  it.each(VOLUME_PRESETS.map((p) => [p.label, p] as const))(
    "%s fills valid token counts the user can edit",
    (_l, preset) => {
      const volume = applyPreset({ requestsPerDay: 10_000 }, preset);
      expect(volume.requestsPerDay).toBe(10_000);
      expect(volume.inputTokensPerRequest).toBe(preset.inputTokensPerRequest);
      const draft = emptyDraft();
      draft.workloads[0]!.volume = volume;
      expect(validateStep(draft, "volume")).toEqual({});
    },
  );

  it.each([
    [50_000, "low"],
    [100_000, "medium"],
    [10_000_000, "medium"],
    [10_000_001, "high"],
  ] as const)("%i tokens/day is in the %s band", (tpd, band) => {
    expect(volumeBand(tpd, formFacts(catalog).volume)).toBe(band);
  });
});

describe("step validation", () => {
  it("reports each missing or out-of-range field on its dotted path", () => {
    const draft = emptyDraft();
    draft.workloads[0]!.volume.requestsPerDay = -1;
    const errors = validateStep(draft, "volume");
    expect(errors["volume.requestsPerDay"]).toBe("Must be 0 or more");
    expect(errors["volume.inputTokensPerRequest"]).toBe("Enter a number");
    expect(validateStep(draft, "team")["team.mlOpsMaturity"]).toMatch(/Choose/);
  });

  it("sends the review back to the first incomplete step", () => {
    const draft = draftFromInput(PROFILES.earlyPrototype);
    expect(firstInvalidStep(draft)).toBeUndefined();
    delete draft.workloads[0]!.latency.p95TargetMs;
    expect(firstInvalidStep(draft)).toBe("latency");
  });

  it("a complete draft is exactly the engine input", () => {
    const draft = draftFromInput(PROFILES.hospitalPatientData);
    expect(evaluate(toInput(draft)).recommendation).toBe(evaluate(PROFILES.hospitalPatientData).recommendation);
  });
});

describe("url state", () => {
  it("round-trips answers, assumptions included", () => {
    const input = { ...PROFILES.sensitiveSliceHybrid, assumptions: { "gpu.usdPerHour": 2.1 } };
    const decoded = decodeAnswers(encodeAnswers(input));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(evaluate(decoded.input)).toEqual(evaluate(input));
    expect(resultPath(input)).toMatch(/^\/assess\/result\?a=[A-Za-z0-9+\-$]+$/);
  });

  it("keeps links short enough to share", () => {
    expect(encodeAnswers(PROFILES.veryHighVolumeDedicatedTeam).length).toBeLessThan(600);
  });

  it.each([
    ["no answers", null, /no answers/],
    ["garbage", "%%%not-lz%%%", /damaged/],
    [
      "invalid answers",
      encodeAnswers({ ...PROFILES.earlyPrototype, latency: { p95TargetMs: -3 } }),
      /latency.p95TargetMs/,
    ],
  ])("explains a broken link: %s", (_l, encoded, message) => {
    const r = decodeAnswers(encoded);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("invalid input is never interpreted (issue #26)", () => {
  it("reads no daily volume from a negative, fractional or unreadable count", () => {
    expect(
      tokensPerDay({ requestsPerDay: -5, inputTokensPerRequest: 1200, outputTokensPerRequest: 300 }),
    ).toBeUndefined();
    expect(
      tokensPerDay({ requestsPerDay: 10.5, inputTokensPerRequest: 1200, outputTokensPerRequest: 300 }),
    ).toBeUndefined();
    expect(
      tokensPerDay({ requestsPerDay: Number.NaN, inputTokensPerRequest: 1200, outputTokensPerRequest: 300 }),
    ).toBeUndefined();
  });

  it("asks for whole counts and says the unit of a bare bound", () => {
    const draft = emptyDraft();
    draft.workloads[0]!.volume = {
      ...draft.workloads[0]!.volume,
      requestsPerDay: 10.5,
      inputTokensPerRequest: 1200,
      outputTokensPerRequest: 300,
      peakToAverage: 500,
    };
    const errors = validateStep(draft, "volume");
    expect(errors["volume.requestsPerDay"]).toBe("Whole requests per day");
    expect(errors["volume.peakToAverage"]).toBe("At most 100× the average");
    draft.workloads[0]!.volume.requestsPerDay = Number.NaN;
    expect(validateStep(draft, "volume")["volume.requestsPerDay"]).toBe("Enter a number");
  });
});
