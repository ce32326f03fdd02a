import { expect, test } from "@playwright/test";

test("the catalog page lists every figure with its source and is searchable", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Every figure the engine uses");
  const rows = page.getByTestId("catalog-row");
  const total = await rows.count();
  expect(total).toBeGreaterThan(40);
  await page.getByLabel("Search the catalog").fill("H100");
  await expect.poll(() => rows.count()).toBeLessThan(total);
  await expect(rows.first()).toContainText("H100");
  await page.getByLabel("Search the catalog").fill("genai-prices");
  await expect(rows.first()).toContainText("GPT-5");
  await page.screenshot({ path: "e2e/output/screenshots/catalog.png", fullPage: false });
});
