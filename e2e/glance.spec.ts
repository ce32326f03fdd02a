import { expect, test, type Page } from "@playwright/test";
import { evaluate } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { resultPath } from "@/lib/assessment/url-encode";
import { PROFILES } from "@/test/fixtures/profiles";
import { unfold } from "./helpers/assessment";

// Issue #26, the result a CTO trusts at a glance: one screen that answers, details folded below,
// edits that stay in sight and never throw, a header that fits a phone.
const OUT = "e2e/output/glance";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const collectErrors = (page: Page) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
};

test("desktop: verdict, the four options' TCO, main risk and main lever fit the first screen; details are folded", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const input = PROFILES.hospitalPatientData;
  const e = evaluate(input);
  await page.goto(resultPath(input));
  const summary = page.getByTestId("result-summary");
  await expect(summary.getByTestId("verdict")).toHaveText(e.recommendationLabel);
  await expect(summary.getByTestId("tco-bar")).toHaveCount(4);
  for (const id of ["verdict", "tco-bars", "main-risk", "main-lever", "models-compared"]) {
    const box = (await summary.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, `${id} is on the first screen`).toBeLessThanOrEqual(DESKTOP.height);
  }
  // The winner's bar says its TCO in the engine's words.
  await expect(summary.locator(`[data-testid=tco-bar][data-option=${e.recommendation}]`)).toContainText(
    optionLabel(e.recommendation),
  );
  // Details are one click away, not a wall: the capacity table is folded until asked for.
  await expect(page.getByTestId("capacity-config")).toBeHidden();
  await unfold(page, "capacity-panel");
  await expect(page.getByTestId("capacity-config")).toBeVisible();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(5_000); // it was 8,160 px with everything open
  await page.screenshot({ path: `${OUT}/result-desktop.png` });
});

test("confidence is defined beside its figure, and the models compared carry their tier", async ({ page }) => {
  const input = PROFILES.frontierNoMlTeam;
  const e = evaluate(input);
  await page.goto(resultPath(input));
  await expect(page.getByTestId("confidence")).toHaveText(`${Math.round(e.confidence * 100)}%`);
  await expect(page.getByTestId("confidence-definition")).toContainText("not a probability");
  await expect(page.getByTestId("confidence-basis")).toContainText(/scores \d+ against \d+|only usable option/);
  const strip = page.getByTestId("models-compared");
  await expect(strip).toContainText(e.comparison.apiModel);
  await expect(strip).toContainText(e.comparison.hostedModel);
  await expect(strip.locator("[data-option=api] [data-testid=tier-badge]")).toHaveText(`${e.comparison.apiTier} tier`);
});

test("phone: the header fits 390 px with sign-in visible and the links behind a menu", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/assess");
  const header = page.getByTestId("site-header");
  await expect(header.getByRole("link", { name: "Sign in" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect(header.getByRole("link", { name: "Price catalog" })).toBeHidden();
  await header.getByRole("button", { name: "Menu" }).click();
  await header.getByRole("link", { name: "Price catalog" }).click();
  await expect(page).toHaveURL(/\/catalog/);
  await expect(header.getByRole("link", { name: "Price catalog" })).toBeHidden(); // closed after navigating
  await page.goto(resultPath(PROFILES.hospitalPatientData));
  await expect(page.getByTestId("verdict")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: `${OUT}/result-phone.png` });
});

test("a bad assumption is refused where it was typed (with its unit), never evaluated, and the sticky bar says so", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const input = PROFILES.frontierNoMlTeam;
  await page.goto(resultPath(input));
  const breakEven = page.getByTestId("break-even-api");
  const before = await breakEven.textContent();
  await unfold(page, "assumptions");
  const field = page.locator('[data-assumption="gpu.usdPerHour"]');
  for (const bad of ["-1", "0", "abc"]) {
    await field.fill(bad);
    await expect(page.getByTestId("assumption-error")).toContainText("USD / GPU-hour");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("sticky-summary")).toHaveAttribute("data-shown", "true");
    await expect(page.getByTestId("sticky-invalid")).toContainText("1 figure to fix");
  }
  await expect(breakEven).toHaveText(before!);
  // A plausible-but-unusual value is used, with a warning; the sticky bar shows the delta.
  await field.fill("40");
  await expect(page.getByTestId("assumption-error")).toHaveCount(0);
  await expect(page.getByTestId("assumption-warning")).toContainText("Outside the evidence range");
  await page.locator('[data-assumption="api.outputUsdPerMTok"]').fill("900");
  await expect(page.getByTestId("sticky-delta")).toContainText("vs the figures you started with");
  expect(errors).toEqual([]);
});

test("the biggest levers are sliders that recompute the result", async ({ page }) => {
  const input = PROFILES.veryHighVolumeDedicatedTeam;
  await page.goto(resultPath(input));
  const levers = page.getByTestId("lever");
  expect(await levers.count()).toBeGreaterThanOrEqual(3);
  expect(await levers.count()).toBeLessThanOrEqual(5);
  const first = levers.first();
  const key = await first.getAttribute("data-lever");
  const slider = first.getByRole("slider");
  await slider.focus();
  const tco = page.getByTestId("tco-bars");
  const before = await tco.textContent();
  for (let i = 0; i < 30; i++) await page.keyboard.press("End");
  await expect(tco).not.toHaveText(before!);
  expect(new URL(page.url()).searchParams.get("a")).toBeTruthy();
  await unfold(page, "assumptions");
  await expect(page.locator(`[data-assumption="${key}"]`)).toHaveClass(/amber/);
});

test("an example company fills every step, opens the review, reaches a result and stays selected", async ({ page }) => {
  const { COMPANY_PRESETS } = await import("@/lib/assessment/company-presets");
  const hospital = COMPANY_PRESETS.find((p) => p.id === "hospital")!;
  await page.goto("/assess");
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: new RegExp(hospital.label) }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await page.getByRole("button", { name: "Edit Volume" }).click();
  await expect(page.getByRole("button", { name: new RegExp(hospital.label) })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Requests per day")).toHaveValue(String(hospital.input.volume.requestsPerDay));
  for (let i = 0; i < 8 && !(await page.getByRole("button", { name: "See the recommendation" }).isVisible()); i++)
    await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "See the recommendation" }).click();
  await expect(page.getByTestId("verdict")).toHaveText(evaluate(hospital.input).recommendationLabel);
});

test("questionnaire: a negative, fractional or unreadable count is flagged at once and never read into a volume", async ({
  page,
}) => {
  await page.goto("/assess");
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByLabel("Prompt tokens per request").fill("1200");
  await page.getByLabel("Output tokens per request").fill("300");
  const requests = page.getByLabel("Requests per day");
  await requests.fill("-5");
  await expect(page.getByText(/tokens a day\./)).toHaveCount(0);
  await expect(page.getByTestId("volume-derived-empty")).toBeVisible();
  await requests.fill("abc");
  await expect(requests).toHaveValue("abc"); // the letters stay, with a message, instead of vanishing
  await expect(page.getByText("Enter a number")).toBeVisible();
  await requests.fill("10.5");
  await expect(page.getByText("Whole numbers only")).toBeVisible();
  await expect(page.getByText(/tokens a day\./)).toHaveCount(0);
  await page.getByLabel("Peak ÷ average traffic").fill("500");
  await requests.fill("1000");
  await expect(page.getByText("1.5M tokens a day.")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("At most 100× the average")).toBeVisible();
});

test("charts: decade ticks in one money format, lines named at their ends, no empty tornado rows; on a phone nothing is cut off", async ({
  page,
}) => {
  const input = PROFILES.veryHighVolumeDedicatedTeam;
  await page.goto(resultPath(input));
  await page.getByTestId("charts").scrollIntoViewIfNeeded();
  const volume = page.getByTestId("chart-cost-vs-volume");
  await expect(volume.locator("path.recharts-line-curve")).toHaveCount(4);
  for (const id of ["chart-cost-vs-volume", "chart-cumulative"]) {
    await expect(page.getByTestId(id).getByTestId("end-label")).toHaveCount(4);
    await expect(page.getByTestId(id).locator(".recharts-legend-wrapper")).toHaveCount(0);
  }

  await page.setViewportSize(PHONE);
  await page.getByTestId("chart-breakdown").scrollIntoViewIfNeeded();
  const setup = (await page.getByTestId("chart-breakdown-setup").boundingBox())!;
  expect(setup.x + setup.width).toBeLessThanOrEqual(PHONE.width);
  expect(setup.width).toBeGreaterThan(200); // stacked under the running month, full width
  await page.getByTestId("charts").screenshot({ path: `${OUT}/charts-phone.png` });
});

test("screenshots for the record: result, plan and compare at desktop 1440×900 and phone 390×844", async ({ page }) => {
  const { portfolioPath } = await import("@/lib/assessment/url-encode");
  const fs = await import("node:fs");
  const { newEmail, signIn } = await import("./helpers/auth");
  await signIn(page, newEmail("glance"));
  const first = PROFILES.frontierNoMlTeam;
  const second = { ...first, latency: { p95TargetMs: 1_000 }, volume: { ...first.volume, monthlyGrowthPct: 6 } };
  const created = await page.request.post("/api/projects", { data: { name: "Support assistant", input: first } });
  expect(created.status()).toBe(201);
  const { project } = await created.json();
  expect(
    (
      await page.request.post(`/api/projects/${project.id}/revisions`, { data: { input: second, expectedVersion: 1 } })
    ).status(),
  ).toBeLessThan(300);
  const plan = JSON.parse(fs.readFileSync("examples/hospital-group-portfolio.json", "utf8"));
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto(resultPath(PROFILES.hospitalPatientData));
    await expect(page.getByTestId("verdict")).toBeVisible();
    await page.screenshot({ path: `${OUT}/shot-result-${name}.png` });
    await page.goto(portfolioPath(plan));
    await expect(page.getByTestId("portfolio-plan")).toBeVisible();
    await page.screenshot({ path: `${OUT}/shot-plan-${name}.png` });
    await page.goto(`/projects/${project.id}/compare?a=1&b=2`);
    await expect(page.getByTestId("revision-tco-chart")).toBeVisible();
    await expect(page.getByTestId("input-changes")).toContainText("Latency target (p95)");
    await expect(page.getByTestId("input-changes")).not.toContainText("latency.p95TargetMs");
    await page.screenshot({ path: `${OUT}/shot-compare-${name}.png`, fullPage: true });
  }
});
