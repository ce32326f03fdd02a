import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { distinctAssessments } from "@/test/fixtures/distinct-inputs";
import { ASSESSMENT_DEFAULTS, evaluate } from "@/lib/engine";
import { DEFAULT_FIELDS, pickFields, roundNumber } from "@/lib/server/response-shape";
import { POST } from "./route";
import { GET as getSchema } from "../schema/route";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }, query = "") =>
  POST(new Request(`http://test/api/v1/evaluate${query}`, { method: "POST", body, headers }));
const json = { "content-type": "application/json" };
const rounded = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "number" ? roundNumber(x) : x)));

describe("POST /api/v1/evaluate", () => {
  it("answers 200 with the full Evaluation the engine computes, byte for byte, with include=all&precision=full", async () => {
    const res = await post(JSON.stringify(PROFILES.hipaaAllowedToLeave), json, "?include=all&precision=full");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(JSON.stringify(evaluate(PROFILES.hipaaAllowedToLeave)));
  });

  it("answers by default with the contract's fields, numbers rounded (v1.2 lean response)", async () => {
    const res = await post(JSON.stringify(PROFILES.sensitiveSliceHybrid));
    expect(res.status).toBe(200);
    const body = await res.json();
    const full = evaluate(PROFILES.sensitiveSliceHybrid);
    expect(Object.keys(body).sort()).toEqual([...DEFAULT_FIELDS].sort());
    for (const f of [
      "recommendation",
      "confidence",
      "ranking",
      "reasons",
      "conflicts",
      "costs",
      "breakEven",
      "sensitivity",
      "catalogVersion",
      "costPremiumUsd",
      "whatWouldChange",
      "comparison",
    ])
      expect(body).toHaveProperty(f);
    expect(body).toEqual(rounded(pickFields(full, DEFAULT_FIELDS)));
    expect(body.costs.api.monthlyUsd).toHaveLength(full.horizonMonths);
    expect(body).not.toHaveProperty("assumptions");
  });

  it("carries exactly what ?include= names, plus the verdict and catalog version", async () => {
    const res = await post(JSON.stringify(PROFILES.earlyPrototype), json, "?include=costs,volumeCurve");
    expect(res.status).toBe(200);
    expect(Object.keys(await res.json()).sort()).toEqual(["catalogVersion", "costs", "recommendation", "volumeCurve"]);
    const more = await (
      await post(JSON.stringify(PROFILES.earlyPrototype), json, "?include=default,assumptions")
    ).json();
    expect(Object.keys(more)).toEqual(expect.arrayContaining([...DEFAULT_FIELDS, "assumptions"]));
    expect(Object.keys(more)).toHaveLength(DEFAULT_FIELDS.length + 1);
  });

  it("runs the uncertainty's draws only when ?include= names it", async () => {
    const res = await post(JSON.stringify(PROFILES.earlyPrototype), json, "?include=confidence,uncertainty");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["catalogVersion", "confidence", "recommendation", "uncertainty"]);
    expect(body.uncertainty.verdict).toBe(body.recommendation);
    expect(body.uncertainty.draws).toBeGreaterThan(0);
  });

  it("runs at most one uncertainty per engine thread at once; more are refused with 503 + Retry-After", async () => {
    const { enginePool } = await import("@/lib/server/engine-pool");
    const threads = enginePool().stats().threads;
    const inputs = distinctAssessments(threads + 2, 77);
    const responses = await Promise.all(inputs.map((i) => post(JSON.stringify(i), json, "?include=uncertainty")));
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const r of refused) expect(r.headers.get("retry-after")).toBe("5");
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(responses.every((r) => r.status === 200 || r.status === 503)).toBe(true);
  });

  it("answers 400 invalid_input for an unknown ?include= field or precision", async () => {
    for (const q of ["?include=costs,secrets", "?precision=exact"]) {
      const res = await post(JSON.stringify(PROFILES.earlyPrototype), json, q);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error).toBe("invalid_input");
      expect(body.issues[0].path).toMatch(/^query\./);
    }
  });

  it("answers a repeated identical input (keys reordered, defaults spelled out) from the cache, same bytes", async () => {
    const input = {
      ...PROFILES.itarDefenceSupplier,
      volume: { ...PROFILES.itarDefenceSupplier.volume, requestsPerDay: 12_345 },
    };
    const first = await post(JSON.stringify(input));
    expect(first.headers.get("x-engine-cache")).toBe("miss");
    const reordered = {
      capability: input.capability,
      latency: input.latency,
      team: input.team,
      data: input.data,
      volume: { peakToAverage: ASSESSMENT_DEFAULTS.volume.peakToAverage, ...input.volume },
      strategy: { horizonMonths: ASSESSMENT_DEFAULTS.strategy.horizonMonths },
    };
    const again = await post(JSON.stringify(reordered));
    expect(again.headers.get("x-engine-cache")).toBe("hit");
    expect(await again.text()).toBe(await first.text());
    const other = await post(JSON.stringify({ ...input, volume: { ...input.volume, requestsPerDay: 12_346 } }));
    expect(other.headers.get("x-engine-cache")).toBe("miss");
  });

  it("accepts a minimal contract-only input (groups with defaults omitted)", async () => {
    const res = await post(
      JSON.stringify({
        volume: { requestsPerDay: 1000, inputTokensPerRequest: 500, outputTokensPerRequest: 200 },
        data: { sensitivity: "internal" },
        team: { mlOpsMaturity: "basic" },
        latency: { p95TargetMs: 1000 },
        capability: { frontier: "helpful" },
      }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).costs.api.monthlyUsd).toHaveLength(36);
  });

  it.each([
    [
      "a negative volume",
      { ...PROFILES.earlyPrototype, volume: { ...PROFILES.earlyPrototype.volume, requestsPerDay: -5 } },
      "volume.requestsPerDay",
    ],
    ["an unknown assumption key", { ...PROFILES.earlyPrototype, assumptions: { "gpu.costPerHour": 2 } }, "assumptions"],
    [
      "a horizon out of range",
      { ...PROFILES.earlyPrototype, strategy: { horizonMonths: 120 } },
      "strategy.horizonMonths",
    ],
    ["a missing group", { volume: PROFILES.earlyPrototype.volume }, "data"],
  ])("answers 400 invalid_input with zod issues for %s", async (_label, body, path) => {
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe("invalid_input");
    expect(json.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("answers 400 invalid_json for malformed JSON and 413 over 64 kB", async () => {
    expect((await post("{ not json")).status).toBe(400);
    expect((await (await post("{ not json")).json()).error).toBe("invalid_json");
    const big = JSON.stringify({ ...PROFILES.earlyPrototype, padding: "x".repeat(70 * 1024) });
    expect((await post(big)).status).toBe(413);
  });
});

describe("GET /api/v1/schema", () => {
  it("serves the JSON Schema generated from the zod schema", async () => {
    const schema = await getSchema().json();
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["volume", "data", "team", "latency", "capability"]));
    expect(schema.required).not.toContain("strategy");
    expect(schema.properties.volume.properties.requestsPerDay.minimum).toBe(0);
    expect(schema.properties.data.properties.sensitivity.enum).toEqual([
      "public",
      "internal",
      "confidential",
      "regulated",
    ]);
    expect(schema.properties.assumptions.additionalProperties).toBe(false);
  });
});
