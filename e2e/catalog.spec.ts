import { expect, test } from "@playwright/test";
import { encodeAnswers } from "@/lib/assessment/url-state";
import { PROFILES } from "@/test/fixtures/profiles";
import { unfold } from "./helpers/assessment";

test("the catalog lists every figure with value, range, grade, source and date; filters by kind, sorts by price, compares providers", async ({
  page,
}) => {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Every figure the engine uses");
  const rows = page.getByTestId("catalog-row");
  const total = await rows.count();
  expect(total).toBeGreaterThan(300);

  // Every row shows a grade and a date; rows with a link open the source.
  const first = rows.first();
  await expect(first.locator("[data-grade]")).toHaveText(/measured|derived|assumed/);
  await expect(first.locator("td").last()).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  expect(await page.locator('[data-testid="catalog-row"] a[href^="http"]').count()).toBeGreaterThan(20);

  // Filter by kind.
  await page.getByRole("button", { name: /^Compliance/ }).click();
  await expect(page.getByRole("button", { name: /^Compliance/ })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => rows.count()).toBeLessThan(total);
  expect(await page.locator('[data-testid="catalog-row"]:not([data-kind="compliance"])').count()).toBe(0);
  await expect(page.getByText("HIPAA business associate agreement (BAA)").first()).toBeVisible();

  // API models sorted by price: the first priced row is the cheapest.
  await page.getByRole("button", { name: /^API models/ }).click();
  await page.getByLabel("Sort").selectOption("price-asc");
  const values = await page.locator('[data-testid="catalog-row"] [data-testid="catalog-value"]').allTextContents();
  const blended = values
    .filter((v) => v.includes("per 1M tokens"))
    .map((v) => v.match(/\$([\d.]+) in · (?:\$[\d.]+ cached · )?\$([\d.]+) out/)!)
    .map((m) => (3 * Number(m[1]) + Number(m[2])) / 4);
  expect(blended.length).toBeGreaterThan(8);
  expect(blended).toEqual([...blended].sort((a, b) => a - b));

  // Search narrows to one model family.
  await page.getByLabel("Sort").selectOption("catalog");
  await page.getByLabel("Search the catalog").fill("GPT-6");
  await expect(rows.first()).toContainText("GPT-6");

  // Compare the providers of one open model.
  await page.getByRole("button", { name: /^Hosted providers/ }).click();
  await page.getByLabel("Search the catalog").fill("");
  await page.getByLabel("Open model", { exact: true }).selectOption("gpt-oss-120b");
  const offers = page.getByTestId("compare-row");
  expect(await offers.count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId("compare-table")).toContainText("AWS Bedrock");
  await expect(page.getByTestId("compare-table")).toContainText("median");
  await page.screenshot({ path: "e2e/output/screenshots/catalog.png", fullPage: false });
  await page.getByRole("button", { name: /^All/ }).click();
  await page.screenshot({ path: "e2e/output/screenshots/catalog-all.png", fullPage: false });
});

test("the assumptions panel shows each figure's evidence grade and range", async ({ page }) => {
  await page.goto(`/assess/result?a=${encodeAnswers(PROFILES.hipaaAllowedToLeave)}`);
  const panel = page.getByTestId("assumptions");
  await unfold(page, "assumptions"); // folded under the one-screen summary
  await expect(panel).toBeVisible();
  const grades = panel.locator("[data-grade]");
  expect(await grades.count()).toBeGreaterThan(8);
  await expect(panel).toContainText(/derived/);
  await expect(panel).toContainText(/range /);
  await expect(panel).toContainText(/median of \d+ providers/);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: "e2e/output/screenshots/assumptions-grades.png" });
});

test("search matches every word in any order; the blend ratio and provider speeds are stated (issue 26 item 17)", async ({
  page,
}) => {
  await page.goto("/catalog");
  const rows = page.getByTestId("catalog-row");
  await page.getByLabel("Search the catalog").fill("nebius qwen3 32b");
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toMatch(/nebius/);
  await page.getByLabel("Search the catalog").fill("32b qwen3 nebius");
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  await expect(page.getByText(/Blended prices weigh 3 input tokens to 1 output token/)).toBeVisible();
  await page.getByLabel("Search the catalog").fill("");
  await page.getByLabel("Open model", { exact: true }).selectOption("gpt-oss-120b");
  await expect(page.getByTestId("compare-table")).toContainText("(3 in : 1 out)");
  await expect(page.getByTestId("compare-speed").first()).toContainText(/tok\/s/);
});
