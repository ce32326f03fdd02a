import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";

describe("full control of the model", () => {
  it("weighs toward self-hosting without claiming the verdict cannot be an API", () => {
    const e = evaluate({
      volume: { requestsPerDay: 2_000, inputTokensPerRequest: 800, outputTokensPerRequest: 200 },
      data: { sensitivity: "internal" },
      team: { mlOpsMaturity: "experienced" },
      latency: { p95TargetMs: 2_000 },
      capability: { frontier: "helpful", customization: "full-control" },
    });
    const reason = e.reasons.find((r) => r.factor === "customization")!;
    expect(reason.favours).toBe("self-hosted");
    expect(reason.text).toContain("rules no option out");
  });
});
