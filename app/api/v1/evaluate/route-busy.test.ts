import { afterAll, describe, expect, it } from "vitest";
import { distinctAssessments } from "@/test/fixtures/distinct-inputs";

// The route under overload: one engine thread and no queue, so a request that finds the thread busy
// is refused at once with 503 + Retry-After (never a 500, never a wait).
process.env.ENGINE_THREADS = "1";
process.env.ENGINE_QUEUE_MAX = "0";

afterAll(async () => {
  const { enginePool } = await import("@/lib/server/engine-pool");
  await enginePool().close();
});

describe("POST /api/v1/evaluate when the engine is busy", () => {
  it("answers 503 service_unavailable with Retry-After, and 200 for what it accepted", async () => {
    const { resetEnvCache } = await import("@/lib/server/env");
    resetEnvCache();
    const { POST } = await import("./route");
    const post = (body: unknown) =>
      POST(
        new Request("http://test/api/v1/evaluate", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
      );
    const [warm, ...burst] = distinctAssessments(7, 9);
    expect((await post(warm)).status).toBe(200); // the thread is up
    const responses = await Promise.all(burst.map(post));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(burst.length - 2);
    for (const r of responses.filter((x) => x.status === 503)) {
      expect(r.headers.get("retry-after")).toBe("1");
      expect((await r.json()).error).toBe("service_unavailable");
    }
  });
});
