import { expect, type Page } from "@playwright/test";
import type { AssessmentInput } from "@/lib/engine";
import { catalog } from "@/lib/engine/catalog";
import {
  CUSTOMIZATION_LABELS,
  FRONTIER_LABELS,
  LOCK_IN_LABELS,
  ML_OPS_LABELS,
  REGULATION_LABELS,
  SENSITIVITY_LABELS,
  TIME_TO_MARKET_LABELS,
} from "@/lib/engine/vocabulary";

// The words the questionnaire shows come from the one vocabulary, so the journeys click what users read.
const radio = (page: Page, label: string) => page.getByRole("radio", { name: new RegExp(`^${label}\\b`) });
const next = (page: Page) => page.getByRole("button", { name: "Next" }).click();

/** Answers the questionnaire through the UI, like a user with the mouse, and opens the result. */
export async function completeAssessment(page: Page, p: AssessmentInput) {
  await page.goto("/assess");
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByLabel("Requests per day").fill(String(p.volume.requestsPerDay));
  await page.getByLabel("Prompt tokens per request").fill(String(p.volume.inputTokensPerRequest));
  await page.getByLabel("Output tokens per request").fill(String(p.volume.outputTokensPerRequest));
  if (p.volume.monthlyGrowthPct !== undefined)
    await page.getByLabel("Monthly growth").fill(String(p.volume.monthlyGrowthPct));
  if (p.volume.peakToAverage !== undefined)
    await page.getByLabel("Peak ÷ average traffic").fill(String(p.volume.peakToAverage));
  await next(page);

  await radio(page, SENSITIVITY_LABELS[p.data.sensitivity]).check();
  for (const r of p.data.regulations ?? [])
    await page.getByRole("checkbox", { name: REGULATION_LABELS[r], exact: true }).check();
  if (p.data.mustStayInHouse) {
    await page.getByRole("checkbox", { name: "Prompts may not leave infrastructure we control" }).check();
    if (p.data.sensitiveShare !== undefined)
      await page.getByLabel("Share of traffic carrying that data").fill(String(p.data.sensitiveShare * 100));
  }
  await next(page);

  await radio(page, ML_OPS_LABELS[p.team.mlOpsMaturity]).check();
  await next(page);

  await page.getByLabel("End-to-end p95 the product needs").fill(String(p.latency.p95TargetMs));
  await next(page);

  await radio(page, FRONTIER_LABELS[p.capability.frontier]).check();
  await radio(page, CUSTOMIZATION_LABELS[p.capability.customization ?? "prompting"]).check();
  if (p.capability.apiModel) {
    const label = catalog.apiModels.find((m) => m.id === p.capability.apiModel)!.label;
    await page.getByLabel("Proprietary model to compare against").selectOption({ label });
  }
  await next(page);

  if (p.deployment?.offline) await page.getByRole("checkbox", { name: /Must run with no internet/ }).check();
  await next(page);

  await radio(page, TIME_TO_MARKET_LABELS[p.strategy?.timeToMarket ?? "quarter"]).check();
  await radio(page, LOCK_IN_LABELS[p.strategy?.lockInConcern ?? "medium"]).check();
  if (p.strategy?.horizonMonths) await page.getByLabel("Planning horizon").fill(String(p.strategy.horizonMonths));
  await next(page);

  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await page.getByRole("button", { name: "See the recommendation" }).click();
  await expect(page).toHaveURL(/\/assess\/result\?a=/);
  await expect(page.getByTestId("verdict")).toBeVisible();
}

/** Each chart is an SVG with drawn data (lines or bars), not an empty frame. */
export async function expectChartsDrawn(page: Page) {
  // The charts load when they come near the viewport.
  await page.getByTestId("charts").scrollIntoViewIfNeeded();
  for (const id of ["chart-cost-vs-volume", "chart-cumulative"]) {
    const lines = page.getByTestId(id).locator("svg path.recharts-line-curve");
    await expect(lines).toHaveCount(4);
    expect((await lines.first().getAttribute("d"))?.length ?? 0).toBeGreaterThan(20);
  }
  await expect(
    page.getByTestId("chart-breakdown-steady").locator("svg .recharts-bar-rectangle path").first(),
  ).toBeVisible();
  // Bars, or the statement that no assumption's range brings a break-even within reach.
  await expect(
    page.getByTestId("chart-tornado").locator("svg .recharts-bar-rectangle, [data-testid=tornado-never]").first(),
  ).toBeAttached();
}

/** Opens the result page's folded details (all of them, or the one with this test id) as a user clicking their headings would. */
export async function unfold(page: Page, testId?: string) {
  if (testId) {
    const d = page.getByTestId(testId);
    if (!(await d.evaluate((el) => (el as HTMLDetailsElement).open))) await d.locator("summary").first().click();
    return;
  }
  // Each click opens one, so the closed set shrinks: always take the first still closed.
  const closed = page.locator("details:not([open]) > summary");
  for (let left = await closed.count(); left > 0; left--) await closed.first().click();
}
