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

test("the hero's break-even dot sits on the API line, its label beside it (issue 26 item 14)", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  const dot = page.getByTestId("hero-break-even-dot");
  const cx = Number(await dot.getAttribute("cx"));
  const cy = Number(await dot.getAttribute("cy"));
  const d = (await page.getByTestId("example-verdict").locator('path[data-option="api"]').getAttribute("d")) ?? "";
  const pts = [...d.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const i = pts.findIndex(([x]) => x >= cx);
  const [x0, y0] = pts[i - 1]!;
  const [x1, y1] = pts[i]!;
  const lineY = y0 + ((cx - x0) / (x1 - x0 || 1)) * (y1 - y0);
  expect(Math.abs(lineY - cy)).toBeLessThan(1.5);
  const label = page.getByTestId("hero-break-even");
  expect(Math.abs(Number(await label.getAttribute("x")) - cx)).toBeLessThanOrEqual(8);
});
