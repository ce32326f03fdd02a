import { expect, test } from "@playwright/test";
import { evaluate, type AssessmentInput } from "@/lib/engine";
import { resultPath } from "@/lib/assessment/url-encode";
import { formatUsd } from "@/lib/format";
import { exportPdf } from "./helpers/pdf";
import { newEmail, signIn } from "./helpers/auth";
import { unfold } from "./helpers/assessment";

// Issue 26 item 1: revision 1 raises Claude Sonnet 5's output price to $30; revision 2 changes only
// latency and growth, the API model switches to Gemini 3.8 Flash, and the $30 must not price Gemini.
const rev1: AssessmentInput = {
  volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400, monthlyGrowthPct: 2 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 3_000 },
  capability: { frontier: "helpful" },
};
const rev2: AssessmentInput = {
  ...rev1,
  volume: { ...rev1.volume, monthlyGrowthPct: 5 },
  latency: { p95TargetMs: 1_000 },
};
const apiRow = (page: import("@playwright/test").Page) =>
  page.getByTestId("tco-table").locator("tr", { hasText: "Proprietary API" });

test("an override stays on the model it was set on through a revision; keep or drop is asked; compare and the PDF list it", async ({
  page,
}) => {
  await signIn(page, newEmail("override"));
  await page.goto(resultPath(rev1));
  await unfold(page, "assumptions"); // folded under the one-screen summary
  await page.locator('[data-assumption="api.outputUsdPerMTok"]').fill("30");
  const at30 = evaluate({ ...rev1, assumptions: { "api.outputUsdPerMTok": 30 } });
  expect(at30.comparison.apiModelId).toBe("anthropic/claude-sonnet-5");
  await expect(apiRow(page)).toContainText(formatUsd(at30.costs.api.tcoUsd));
  await page.getByRole("button", { name: "Save as project" }).click();
  await page.getByLabel("Project name").fill("Assistant");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/[\w-]+$/);
  const projectUrl = page.url();

  // Revision 2: growth 5%, p95 1 s; nothing else touched.
  await page.getByRole("link", { name: "Revise answers" }).click();
  await page.getByRole("button", { name: "Edit Volume" }).click();
  await page.getByLabel("Monthly growth").fill("5");
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("End-to-end p95 the product needs").fill("1000");
  for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "See the recommendation" }).click();
  await expect(page).toHaveURL(/\/assess\/result\?a=.*&project=/);

  const listPriced = evaluate(rev2);
  expect(listPriced.comparison.apiModelId).toBe("google/gemini-3.8-flash");
  const held = page.getByTestId("held-overrides");
  await expect(held).toContainText("Your output price of $30/M tokens was set for Claude Sonnet 5 (Anthropic)");
  await expect(held).toContainText("Gemini 3.8 Flash (Google), at its list output price of $3.75/M tokens");
  await expect(held.getByRole("button", { name: "Keep for Gemini 3.8 Flash (Google)" })).toBeVisible();
  await expect(held.getByRole("button", { name: "Drop it" })).toBeVisible();
  // Gemini at its list price, not at the $30 set for Claude.
  await expect(apiRow(page)).toContainText(formatUsd(listPriced.costs.api.tcoUsd));
  await page.screenshot({ path: "e2e/output/screenshots/override-held.png", fullPage: false });
  await page.getByRole("button", { name: "Save as new revision" }).click();
  await expect(page).toHaveURL(projectUrl);

  await page.goto(`${projectUrl}/compare?a=1&b=2`);
  await expect(page.getByTestId("model-changes")).toContainText(
    "Proprietary model: Claude Sonnet 5 (Anthropic) → Gemini 3.8 Flash (Google)",
  );
  await expect(page.getByTestId("override-changes")).toContainText(
    "$30/M on Claude Sonnet 5 (Anthropic) → $30/M set on Claude Sonnet 5 (Anthropic), not applied (Gemini 3.8 Flash (Google) priced at list)",
  );
  await page.screenshot({ path: "e2e/output/screenshots/override-compare.png", fullPage: true });

  await page.goto(projectUrl);
  const { text } = await exportPdf(page, "e2e/output/pdf/override-revision-2.pdf", { raw: true });
  expect(text).toContain(
    "Your output price of $30/M tokens was set for Claude Sonnet 5 (Anthropic) and is not applied: Gemini 3.8 Flash (Google) is priced now, at its list $3.75.",
  );

  // Keep: the figure now prices Gemini, on purpose.
  await page.goto(
    resultPath({
      ...rev2,
      assumptions: { "api.outputUsdPerMTok": 30 },
      overrideModels: { api: "anthropic/claude-sonnet-5" },
    }),
  );
  await page
    .getByTestId("held-overrides")
    .getByRole("button", { name: /^Keep for/ })
    .click();
  await expect(page.getByTestId("held-overrides")).toHaveCount(0);
  const kept = evaluate({
    ...rev2,
    assumptions: { "api.outputUsdPerMTok": 30 },
    overrideModels: { api: "google/gemini-3.8-flash" },
  });
  await expect(apiRow(page)).toContainText(formatUsd(kept.costs.api.tcoUsd));
  expect(new URL(page.url()).searchParams.get("a")).toBeTruthy();
});

test("one Hybrid: when no split pays the table, ranking and month-1 chart say '= Hosted (no split)' greyed", async ({
  page,
}) => {
  const { PROFILES } = await import("@/test/fixtures/profiles");
  const e = evaluate(PROFILES.lockInAverseNoMlOps);
  expect(e.costs.hybrid.split?.pure).toBe("hosted-open");
  await page.goto(resultPath(PROFILES.lockInAverseNoMlOps));
  await expect(page.getByTestId("hybrid-collapsed")).toHaveText(/Hybrid\s*= Hosted \(no split\)/);
  await expect(page.getByTestId("hybrid-collapsed-rank")).toHaveText("= Hosted (no split)");
  await page.getByTestId("charts").scrollIntoViewIfNeeded(); // the charts load when they come near the viewport
  await expect(page.getByTestId("chart-breakdown")).toContainText("= Hosted (no split)");
  await expect(page.getByTestId("chart-cost-vs-volume")).toContainText("Hybrid (= Hosted (no split) at your volume)");
  await unfold(page, "options-fold");
  await page.getByTestId("tco-table").screenshot({ path: "e2e/output/screenshots/hybrid-collapsed.png" });
});

test("the headline, the cumulative caption and the tornado compare the verdict with its closest usable rival", async ({
  page,
}) => {
  const { PROFILES } = await import("@/test/fixtures/profiles");
  const e = evaluate(PROFILES.itarDefenceSupplier);
  expect([e.recommendation, e.headline.rival]).toEqual(["hosted-open", "self-hosted"]);
  await page.goto(resultPath(PROFILES.itarDefenceSupplier));
  await expect(page.getByTestId("headline")).toHaveText(e.headline.text.headline);
  await page.getByTestId("charts").scrollIntoViewIfNeeded(); // the charts load when they come near the viewport
  await expect(page.getByTestId("chart-cumulative")).toContainText(e.headline.text.cumulative);
  await expect(page.getByTestId("chart-cost-vs-volume")).toContainText(e.headline.text.volume);
  await expect(page.getByTestId("chart-tornado")).toContainText("What moves Hosted's margin over Self-hosted most");
  await expect(page.getByTestId("chart-tornado").locator("svg .recharts-bar-rectangle").first()).toBeAttached();
  await page.getByTestId("chart-tornado").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/output/screenshots/headline-rival.png", fullPage: true });
});

test("portfolio: the adds reconcile with the plan, impossible alternatives say what blocks them, underused fleets are flagged", async ({
  page,
}) => {
  const fs = await import("node:fs");
  const { evaluatePortfolio } = await import("@/lib/engine");
  const { portfolioPath } = await import("@/lib/assessment/url-encode");
  const input = JSON.parse(fs.readFileSync("examples/hospital-group-portfolio.json", "utf8"));
  const e = evaluatePortfolio(input);
  await page.goto(portfolioPath(input));
  await expect(page.getByTestId("reconciliation-total")).toHaveText(formatUsd(e.plan.tcoUsd));
  await expect(page.getByTestId("reconciliation-shared")).toHaveText(formatUsd(e.plan.reconciliation.sharedUsd));
  await expect(page.getByTestId("alternative-all-api")).toContainText(
    "not possible: Clinical note summaries (Prompts may not leave infrastructure you control",
  );
  // Each workload's split is a pure option it may use: possible, priced.
  expect(e.alternatives["all-hybrid"].feasible).toBe(true);
  await expect(page.getByTestId("alternative-all-hybrid")).toContainText(
    formatUsd(e.alternatives["all-hybrid"].tcoUsd),
  );
  await expect(page.getByTestId("alternative-all-hybrid")).not.toContainText("not possible");
  const { formatPct } = await import("@/lib/format");
  const underused = e.plan.fleets.filter((f) => f.underused);
  expect(underused.length).toBeGreaterThan(0);
  await expect(page.getByTestId("fleet-underused")).toHaveText(
    underused.map((f) => `${formatPct(f.utilization.first)} busy: underused`),
  );
  await expect(page.getByTestId("chart-portfolio-cumulative")).toContainText(
    "Every workload on the proprietary API (not possible)".replace(
      "Every workload on the proprietary API",
      "All on the proprietary API",
    ),
  );
  await page.screenshot({ path: "e2e/output/screenshots/portfolio-reconciled.png", fullPage: true });
});

test("what would change probes the user's own requirements and shows what each costs", async ({ page }) => {
  const { PROFILES } = await import("@/test/fixtures/profiles");
  const e = evaluate(PROFILES.sub100msCodeCompletion);
  await page.goto(resultPath(PROFILES.sub100msCodeCompletion));
  const probes = page.getByTestId("requirement-probes");
  await expect(probes.getByTestId("requirement-probe").first()).toHaveText(
    `Hosted open-weights${e.requirements.probes[0]!.text}`,
  );
  await expect(probes.getByTestId("constraint-waterfall")).toContainText(e.requirements.waterfall!.text);
  await unfold(page, "what-would-change");
  await probes.scrollIntoViewIfNeeded();
  await probes.screenshot({ path: "e2e/output/screenshots/requirement-probes.png" });
});
