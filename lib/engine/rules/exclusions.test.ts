import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import type { AssessmentInput } from "../schema";

const inHouse = (sensitiveShare: number): AssessmentInput => ({
  volume: { requestsPerDay: 200_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 300 },
  data: { sensitivity: "confidential", mustStayInHouse: true, sensitiveShare },
  team: { mlOpsMaturity: "experienced" },
  latency: { p95TargetMs: 2_000 },
  capability: { frontier: "required" },
});

describe("in-house exclusion text", () => {
  it("names the share bound to the house when only part of the traffic is sensitive", () => {
    const e = evaluate(inHouse(0.3));
    const api = e.ranking.find((r) => r.option === "api")!;
    expect(api.excluded).toBe(true);
    const text = api.reasons.join(" ");
    expect(text).toContain("30%");
    expect(text).toContain("only a split can send the rest");
    // The hybrid stays usable: it is the one way to send the other 70% outside.
    expect(e.ranking.find((r) => r.option === "hybrid")!.excluded).toBe(false);
  });

  it("rules every external option and the split out when all traffic must stay in house", () => {
    const e = evaluate(inHouse(1));
    const api = e.ranking.find((r) => r.option === "api")!;
    expect(api.reasons.join(" ")).toContain("no external API may see them");
    expect(e.ranking.find((r) => r.option === "hybrid")!.excluded).toBe(true);
  });
});

describe("an in-house mandate that no traffic carries", () => {
  it("binds nothing: no option is ruled out for it, GPUs are not forced onto owned servers, and a note says why", () => {
    const bound = evaluate(inHouse(0.3));
    const none = evaluate(inHouse(0));
    expect(bound.ranking.find((r) => r.option === "api")!.excluded).toBe(true);
    expect(none.ranking.some((r) => r.excluded && r.reasons.join(" ").includes("stay in house"))).toBe(false);
    expect(none.reasons.map((r) => r.text).join(" ")).toContain("0% of prompts carry it, so the rule binds no traffic");
    expect(none.reasons.map((r) => r.text).join(" ")).not.toContain("The 0% of prompts");
    expect(
      evaluate({ ...inHouse(0), data: { ...inHouse(0).data, mustStayInHouse: false } }).costs["self-hosted"].tcoUsd,
    ).toBeCloseTo(none.costs["self-hosted"].tcoUsd, 6);
  });
});

describe("when the hard rules leave nothing", () => {
  // Found by the property test: prompts that no open model reads, the rest bound to the house.
  it("a conflict says every option is ruled out and the verdict is only the closest fit", () => {
    const e = evaluate({
      volume: { requestsPerDay: 0, inputTokensPerRequest: 262_143, outputTokensPerRequest: 2 },
      data: { sensitivity: "public", mustStayInHouse: true, sensitiveShare: 0.5 },
      team: { mlOpsMaturity: "dedicated" },
      latency: { p95TargetMs: 20_000 },
      capability: { frontier: "required", customization: "none" },
    });
    expect(e.ranking.every((r) => r.excluded)).toBe(true);
    const c = e.conflicts.find((x) => x.id === "nothing-fits");
    expect(c?.text).toContain("rule out every option");
    expect(c?.text).toContain("context");
  });
});

describe("a prompt no open model reads", () => {
  it("rules self-hosting out naming the request size and the longest-reading model of the tier, not every model", () => {
    const e = evaluate({
      ...inHouse(0),
      data: { sensitivity: "internal" },
      volume: { requestsPerDay: 2_000, inputTokensPerRequest: 1_500_000, outputTokensPerRequest: 200 },
      capability: { frontier: "helpful" },
    });
    const text = e.ranking.find((r) => r.option === "self-hosted")!.reasons.join(" ");
    expect(text).toMatch(
      /reads a 1\.5M-token request \(prompt plus output\): the longest-reading, .+, reads at most 1M tokens/,
    );
    expect(text.split("reads at most").length).toBe(2);
  });
});
