import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { evaluatePortfolio, MAX_WORKLOADS, type AssessmentInput } from "@/lib/engine";
import { PORTFOLIO_DEFAULT_FIELDS } from "@/lib/server/response-shape";
import { distinctPortfolios } from "@/test/fixtures/distinct-inputs";
import { POST } from "./route";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }, query = "") =>
  POST(new Request(`http://test/api/v1/portfolio${query}`, { method: "POST", body, headers }));

// The documented maxima (docs/assessment-api-v1.md, v1.2 "Response size"), in bytes of JSON.
const MAX_DEFAULT_BYTES = 512 * 1024;
const MAX_ALL_BYTES = 2 * 1024 * 1024;

const workload = (id: string, p: AssessmentInput) => ({
  id,
  name: id,
  volume: p.volume,
  data: p.data,
  latency: p.latency,
  capability: p.capability,
});
const portfolio = {
  workloads: [
    workload("claims", PROFILES.hospitalPatientData),
    workload("assistant", PROFILES.earlyPrototype),
    workload("code", PROFILES.sub100msCodeCompletion),
  ],
  team: { mlOpsMaturity: "experienced" },
};

describe("POST /api/v1/portfolio", () => {
  it("answers 200 with the PortfolioEvaluation the engine computes (byte for byte with include=all&precision=full)", async () => {
    const res = await post(JSON.stringify(portfolio), undefined, "?include=all&precision=full");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(JSON.stringify(evaluatePortfolio(portfolio as never)));
    const body = JSON.parse(text);
    expect(body.workloads.map((w: { id: string }) => w.id)).toEqual(["claims", "assistant", "code"]);
    expect(Object.keys(body.alternatives)).toEqual(
      expect.arrayContaining(["all-api", "all-hosted-open", "all-self-hosted", "each-alone"]),
    );
  });

  it("by default carries each standalone evaluation with the fields v1/v1.1 name, the plan in full", async () => {
    const res = await post(JSON.stringify(portfolio));
    expect(res.status).toBe(200);
    const body = await res.json();
    const full = evaluatePortfolio(portfolio as never);
    for (const w of body.workloads)
      expect(Object.keys(w.standalone).sort()).toEqual([...PORTFOLIO_DEFAULT_FIELDS].sort());
    expect(Object.keys(body)).toEqual(Object.keys(full));
    expect(body.plan.monthlyUsd).toHaveLength(full.plan.monthlyUsd.length);
    expect(body.workloads.map((w: { placement: string }) => w.placement)).toEqual(
      full.workloads.map((w) => w.placement),
    );
  });

  it(`stays under the documented maximum at ${MAX_WORKLOADS} workloads, 60 months, longest ids and names`, async () => {
    const [p] = distinctPortfolios(1, MAX_WORKLOADS, 7);
    const worst = {
      ...p!,
      strategy: { horizonMonths: 60 },
      workloads: p!.workloads.map((w, i) => ({
        ...w,
        id: `${"x".repeat(60)}${String(i).padStart(4, "0")}`,
        name: "N".repeat(80),
      })),
    };
    const lean = await post(JSON.stringify(worst));
    expect(lean.status).toBe(200);
    const leanBytes = (await lean.arrayBuffer()).byteLength;
    expect(leanBytes).toBeLessThan(MAX_DEFAULT_BYTES);
    const all = await post(JSON.stringify(worst), undefined, "?include=all");
    const allBytes = (await all.arrayBuffer()).byteLength;
    expect(allBytes).toBeLessThan(MAX_ALL_BYTES);
    expect(leanBytes).toBeLessThan(allBytes / 3);
  });

  it.each([
    ["no workloads", { ...portfolio, workloads: [] }, "workloads"],
    [
      "more than 20 workloads",
      { ...portfolio, workloads: Array.from({ length: 21 }, (_, i) => ({ ...portfolio.workloads[0]!, id: `w${i}` })) },
      "workloads",
    ],
    ["duplicate ids", { ...portfolio, workloads: [portfolio.workloads[0], portfolio.workloads[0]] }, "workloads.1.id"],
    [
      "one workload invalid in one field",
      {
        ...portfolio,
        workloads: [
          portfolio.workloads[0],
          portfolio.workloads[1],
          { ...portfolio.workloads[2]!, latency: { p95TargetMs: 0 } },
        ],
      },
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
