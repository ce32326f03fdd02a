import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { evaluatePortfolio, type AssessmentInput } from "@/lib/engine";
import { POST } from "./route";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://test/api/v1/portfolio", { method: "POST", body, headers }));

const workload = (id: string, p: AssessmentInput) => ({ id, name: id, volume: p.volume, data: p.data, latency: p.latency, capability: p.capability });
const portfolio = {
  workloads: [workload("claims", PROFILES.hospitalPatientData), workload("assistant", PROFILES.earlyPrototype), workload("code", PROFILES.sub100msCodeCompletion)],
  team: { mlOpsMaturity: "experienced" },
};

describe("POST /api/v1/portfolio", () => {
  it("answers 200 with the PortfolioEvaluation the engine computes", async () => {
    const res = await post(JSON.stringify(portfolio));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(evaluatePortfolio(portfolio as never))));
    expect(body.workloads.map((w: { id: string }) => w.id)).toEqual(["claims", "assistant", "code"]);
    expect(Object.keys(body.alternatives)).toEqual(expect.arrayContaining(["all-api", "all-hosted-open", "all-self-hosted", "each-alone"]));
  });

  it.each([
    ["no workloads", { ...portfolio, workloads: [] }, "workloads"],
    ["more than 20 workloads", { ...portfolio, workloads: Array.from({ length: 21 }, (_, i) => ({ ...portfolio.workloads[0]!, id: `w${i}` })) }, "workloads"],
    ["duplicate ids", { ...portfolio, workloads: [portfolio.workloads[0], portfolio.workloads[0]] }, "workloads.1.id"],
    [
      "one workload invalid in one field",
      { ...portfolio, workloads: [portfolio.workloads[0], portfolio.workloads[1], { ...portfolio.workloads[2]!, latency: { p95TargetMs: 0 } }] },
      "workloads.2.latency.p95TargetMs",
    ],
    ["a company group missing", { workloads: portfolio.workloads }, "team"],
  ])("answers 400 invalid_input with the exact issue path for %s", async (_label, body, path) => {
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe("invalid_input");
    expect(json.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("answers 400 invalid_json for malformed JSON and 413 over 64 kB", async () => {
    const bad = await post("{ not json");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("invalid_json");
    expect((await post(JSON.stringify({ ...portfolio, padding: "x".repeat(70 * 1024) }))).status).toBe(413);
  });
});
