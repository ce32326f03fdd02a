import { expect, test } from "@playwright/test";

test("landing page explains the four options and leads to the assessment", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rent an LLM API");
  for (const option of ["Proprietary API", "Hosted open-weights", "Self-hosted", "Hybrid"]) {
    await expect(page.getByRole("heading", { name: option, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/output/screenshots/landing.png", fullPage: true });

  await page.getByRole("link", { name: "Start the assessment" }).first().click();
  await expect(page).toHaveURL(/\/assess/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("health endpoint reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ db: "ok" });
});
