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

test("liveness and readiness endpoints", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const res = await request.get("/api/ready");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ready", db: "ok" });
});
