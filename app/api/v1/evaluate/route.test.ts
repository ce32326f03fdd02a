import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { evaluate } from "@/lib/engine";
import { POST } from "./route";
import { GET as getSchema } from "../schema/route";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://test/api/v1/evaluate", { method: "POST", body, headers }));

describe("POST /api/v1/evaluate", () => {
  it("answers 200 with the same Evaluation the engine computes", async () => {
    const res = await post(JSON.stringify(PROFILES.hipaaAllowedToLeave));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(evaluate(PROFILES.hipaaAllowedToLeave))));
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
    ["a negative volume", { ...PROFILES.earlyPrototype, volume: { ...PROFILES.earlyPrototype.volume, requestsPerDay: -5 } }, "volume.requestsPerDay"],
    ["an unknown assumption key", { ...PROFILES.earlyPrototype, assumptions: { "gpu.costPerHour": 2 } }, "assumptions"],
    ["a horizon out of range", { ...PROFILES.earlyPrototype, strategy: { horizonMonths: 120 } }, "strategy.horizonMonths"],
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
    expect(schema.properties.data.properties.sensitivity.enum).toEqual(["public", "internal", "confidential", "regulated"]);
    expect(schema.properties.assumptions.additionalProperties).toBe(false);
  });
});
