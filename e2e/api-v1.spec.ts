import { expect, test } from "@playwright/test";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { distinctAssessments, distinctPortfolios } from "@/test/fixtures/distinct-inputs";

// Issue #22 on the production server: the public API answers from the engine worker pool (the bundle
// the build made), lean by default, in full on request, gzipped when the client accepts it.

test("evaluate on next start: lean by default, the whole Evaluation on request, gzip on the wire", async ({
  request,
}) => {
  const [input] = distinctAssessments(1, 1_222);
  const lean = await request.post("/api/v1/evaluate", { data: input, headers: { "accept-encoding": "gzip" } });
  expect(lean.status()).toBe(200);
  expect(lean.headers()["content-encoding"]).toBe("gzip");
  expect(lean.headers()["x-engine-cache"]).toBe("miss");
  const body = await lean.json();
  expect(body.recommendation).toBe(evaluate(input!).recommendation);
  expect(body).not.toHaveProperty("assumptions");

  const again = await request.post("/api/v1/evaluate", { data: input });
  expect(again.headers()["x-engine-cache"]).toBe("hit");
  expect(await again.json()).toEqual(body);

  const full = await request.post("/api/v1/evaluate?include=all&precision=full", {
    data: PROFILES.hospitalPatientData,
  });
  expect(await full.text()).toBe(JSON.stringify(evaluate(PROFILES.hospitalPatientData)));
});

test("portfolio on next start: standalone evaluations lean by default", async ({ request }) => {
  const [input] = distinctPortfolios(1, 3, 1_225);
  const res = await request.post("/api/v1/portfolio", { data: input });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.workloads).toHaveLength(3);
  for (const w of body.workloads) {
    expect(w.standalone).not.toHaveProperty("capacity");
    expect(w.standalone.costs).toBeTruthy();
  }
});

test("many concurrent evaluations: every one answered 200 or 503 with Retry-After, never a 500", async ({
  request,
}) => {
  const responses = await Promise.all(
    distinctAssessments(40, 4_040).map((data) => request.post("/api/v1/evaluate", { data })),
  );
  for (const r of responses) {
    expect([200, 503]).toContain(r.status());
    if (r.status() === 503) expect(r.headers()["retry-after"]).toBeTruthy();
  }
  expect(responses.filter((r) => r.status() === 200).length).toBeGreaterThan(0);
});
