import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { resultPath } from "@/lib/assessment/url-encode";
import { newEmail } from "./helpers/auth";

// The shared pieces of issue #15 as a user meets them: the computed landing example, the branded
// "check your email" page, charts that load when reached, straight per-token lines, PDF errors shown.

test("the landing page's example verdict is the engine's result, drawn from its numbers", async ({ page }) => {
  await page.goto("/");
  const e = evaluate(JSON.parse(fs.readFileSync("examples/high-volume-saas.json", "utf8")));
  await expect(page.getByTestId("example-recommendation")).toHaveText(e.recommendationLabel);
  await expect(page.getByTestId("example-verdict")).toContainText(`Confidence ${Math.round(e.confidence * 100)}%`);
});

test("after asking for a sign-in link: a branded page with the way back and, here, the outbox", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Work e-mail").fill(newEmail("check"));
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  // Auth.js sends the browser to its verify-request route, which shows pages.verifyRequest (/check-email).
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByTestId("outbox-hint").getByRole("link", { name: "local outbox" })).toHaveAttribute(
    "href",
    "/dev/outbox",
  );
  await page.screenshot({ path: "e2e/output/screenshots/check-email.png", fullPage: true });
  await page.getByRole("link", { name: "Use a different address" }).click();
  await expect(page).toHaveURL(/\/signin/);
});

test("charts load when scrolled to; per-token options are straight lines, self-hosting a staircase", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(resultPath(PROFILES.sensitiveSliceHybrid));
  await expect(page.getByTestId("verdict")).toHaveText(evaluate(PROFILES.sensitiveSliceHybrid).recommendationLabel);
  // Below the fold nothing of the chart library has rendered yet.
  await expect(page.locator("[data-testid=charts] svg.recharts-surface")).toHaveCount(0);
  await page.getByTestId("charts").scrollIntoViewIfNeeded();
  const curves = page.getByTestId("chart-cost-vs-volume").locator("path.recharts-line-curve");
  await expect(curves).toHaveCount(4);
  // Legend order is not series order: read each line by its colour (the vocabulary's OPTION_STYLE).
  const d = async (stroke: string) =>
    (await page
      .getByTestId("chart-cost-vs-volume")
      .locator(`path.recharts-line-curve[stroke="${stroke}"]`)
      .getAttribute("d")) ?? "";
  const api = await d("#0284c7");
  const selfHosted = await d("#7c3aed");
  // A straight polyline through the samples: every segment is a line-to with both coordinates moving;
  // a staircase has runs where only one coordinate changes.
  const points = (path: string) =>
    [...path.matchAll(/[ML]\s*([\d.-]+)[ ,]([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const flatRuns = (path: string) =>
    points(path).filter((p, i, all) => i > 0 && (p[0] === all[i - 1]![0] || p[1] === all[i - 1]![1])).length;
  expect(points(api).length).toBeGreaterThan(10);
  expect(flatRuns(api)).toBe(0);
  expect(flatRuns(selfHosted)).toBeGreaterThan(0);
  await expect(page.getByTestId("chart-breakdown-setup")).toBeVisible();
});

test("a PDF export that fails shows the server's message", async ({ page }) => {
  await page.route("**/api/report/pdf", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({
        error: "service_unavailable",
        message: "The report service is busy; try again in a minute.",
      }),
    }),
  );
  await page.goto(resultPath(PROFILES.earlyPrototype));
  await page.getByRole("button", { name: "Export PDF" }).click();
  await expect(page.getByTestId("pdf-error")).toHaveText("The report service is busy; try again in a minute.");
});
