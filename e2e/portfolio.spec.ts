import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { exportPdf } from "./helpers/pdf";
import { evaluatePortfolio } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { decodePortfolio } from "@/lib/assessment/url-state";
import { formatUsd } from "@/lib/format";
import { newEmail, signIn } from "./helpers/auth";

// Issue #12: a CTO describes three workloads through the questionnaire, gets one plan, saves it,
// exports the PDF and shares it; a visitor opens the shared plan in a clean browser context.

const next = (page: Page) => page.getByRole("button", { name: "Next" }).click();
const radio = (page: Page, label: string) => page.getByRole("radio", { name: new RegExp(`^${label}\\b`) });

test("three workloads through the UI: plan, save, PDF, share, open the link in a clean context", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = newEmail("cto");
  await signIn(page, email, "/assess");
  await page.goto("/assess");
  await page.getByRole("button", { name: "Start over" }).click();

  // Workload 1 by hand, then two more from presets.
  await page.getByLabel("Requests per day").fill("20000");
  await page.getByLabel("Prompt tokens per request").fill("2500");
  await page.getByLabel("Output tokens per request").fill("400");
  await page.getByRole("button", { name: "Several workloads? Add another workload" }).click();
  await page.getByRole("group", { name: "Workload presets" }).getByRole("button", { name: "Code completion" }).click();
  await expect(page.getByTestId("editing-workload")).toHaveText("Workload 2: Code completion");
  await page.getByRole("button", { name: "+ Add workload" }).click();
  await page.getByRole("group", { name: "Workload presets" }).getByRole("button", { name: "Batch documents" }).click();
  await expect(page.getByRole("tab")).toHaveCount(3);
  // Duplicate and remove work and keep the other answers.
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("tab")).toHaveCount(4);
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("tab")).toHaveCount(3);

  await page.getByRole("tab", { name: /^1\./ }).click();
  await page.getByLabel("Workload name").fill("Claims documents");
  await expect(page.getByLabel("Requests per day")).toHaveValue("20000");
  await next(page);
  await radio(page, "Regulated").check();
  await page.getByRole("checkbox", { name: "HIPAA", exact: true }).check();
  await page.getByRole("checkbox", { name: "Prompts may not leave infrastructure we control" }).check();
  await next(page);
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await radio(page, "Experienced").check();
  await next(page);
  await page.getByLabel("End-to-end p95 the product needs").fill("3000");
  await next(page);
  // A workload step left unanswered is caught on that workload, other answers kept.
  await next(page);
  await expect(page.getByText("Choose how much quality matters")).toBeVisible();
  await radio(page, "Helpful").check();
  await next(page);
  await next(page); // deployment: defaults
  await next(page); // strategy: defaults
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByTestId("review-workload")).toHaveCount(3);
  await page.screenshot({ path: "e2e/output/screenshots/portfolio-review.png", fullPage: true });
  await page.getByRole("button", { name: "See the plan" }).click();

  // The plan first, exactly as the engine computes it for the answers in the URL.
  await expect(page).toHaveURL(/\/assess\/portfolio\?p=/);
  const decoded = decodePortfolio(new URL(page.url()).searchParams.get("p"));
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  expect(decoded.input.workloads.map((w) => w.name)).toEqual([
    "Claims documents",
    "Code completion",
    "Document pipeline",
  ]);
  const expected = evaluatePortfolio(decoded.input);
  await expect(page.getByTestId("plan-total")).toHaveText(
    `${formatUsd(expected.plan.tcoUsd)} over ${expected.horizonMonths} months`,
  );
  await expect(page.getByTestId("placement-option")).toHaveText(
    expected.workloads.map((w) => optionLabel(w.placement)),
  );
  expect(["api", "hosted-open"]).not.toContain(expected.workloads[0]!.placement);
  await expect(page.getByTestId("alternatives")).toContainText("Every workload at its own verdict");
  const curves = page.getByTestId("chart-portfolio-cumulative").locator("svg path.recharts-curve");
  await expect(curves).toHaveCount(5);
  // Each workload's own evaluation is one click away.
  await page.getByRole("button", { name: "Open Claims documents's own evaluation" }).click();
  await expect(page.getByTestId("workload-evaluation").getByTestId("verdict")).toHaveText(
    expected.workloads[0]!.standalone.recommendationLabel,
  );
  await page.screenshot({ path: "e2e/output/screenshots/portfolio-plan.png", fullPage: true });

  // Save as a project.
  await page.getByRole("button", { name: "Save as project" }).click();
  await page.getByLabel("Project name").fill("Hospital group plan");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  await expect(page.getByTestId("portfolio-plan")).toBeVisible();
  await expect(page.getByTestId("plan-total")).toHaveText(
    `${formatUsd(expected.plan.tcoUsd)} over ${expected.horizonMonths} months`,
  );

  // The saved revision's PDF renders the plan and each workload.
  const pdfPath = "e2e/output/pdf/portfolio.pdf";
  const { text } = await exportPdf(page, pdfPath);
  expect(text).toContain("Hospital group plan");
  expect(text).toContain(formatUsd(expected.plan.tcoUsd));
  for (const w of expected.workloads) expect(text).toContain(w.name);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", pdfPath, "e2e/output/pdf/portfolio-page"]);

  // Share it and open the link in a clean context (no session).
  await page.getByRole("button", { name: "Create share link" }).click();
  const link = await page.getByLabel("New share link").inputValue();
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  const res = await v.goto(link);
  expect(res?.status()).toBe(200);
  await expect(v.getByTestId("shared-title")).toHaveText("Hospital group plan");
  await expect(v.getByTestId("placement-option")).toHaveText(expected.workloads.map((w) => optionLabel(w.placement)));
  await expect(v.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    /Hospital group plan: deployment plan/,
  );
  expect(await v.content()).not.toContain(email);
  await v.screenshot({ path: "e2e/output/screenshots/portfolio-shared.png", fullPage: true });
  const sharedPdf = await v.request.get(`${link}/pdf`);
  expect(sharedPdf.status()).toBe(200);
  await visitor.close();

  // Revise (code completion grows tenfold) and compare: per-workload placement changes.
  const projectUrl = new URL(page.url());
  const projectId = projectUrl.pathname.split("/").pop()!;
  const grown = {
    ...decoded.input,
    workloads: decoded.input.workloads.map((w, i) =>
      i === 1 ? { ...w, volume: { ...w.volume, requestsPerDay: w.volume.requestsPerDay * 10 } } : w,
    ),
  };
  const saved = await page.request.post(`/api/projects/${projectId}/revisions`, {
    data: { input: grown, expectedVersion: 1 },
  });
  expect(saved.status()).toBe(201);
  await page.goto(`/projects/${projectId}/compare?a=1&b=2`);
  // Human labels, not raw keys (issue 26 item 18).
  await expect(page.getByTestId("input-changes")).toContainText(
    `Workload “${decoded.input.workloads[1]!.id}” › Requests per day`,
  );
  const rows = page.getByTestId("placement-change");
  await expect(rows).toHaveCount(3);
  const after = evaluatePortfolio(grown);
  for (const [i, w] of after.workloads.entries()) await expect(rows.nth(i)).toContainText(optionLabel(w.placement));
  await expect(page.getByTestId("placement-changes")).toContainText(
    `${formatUsd(expected.plan.tcoUsd)} → ${formatUsd(after.plan.tcoUsd)}`,
  );
  await page.screenshot({ path: "e2e/output/screenshots/portfolio-compare.png", fullPage: true });
});

test("a bad workload field in a portfolio link is explained, and the API names its exact path", async ({
  page,
  request,
}) => {
  await page.goto("/assess/portfolio?p=garbage");
  await expect(page.getByRole("heading", { name: "We could not read this plan link" })).toBeVisible();
  const res = await request.post("/api/v1/portfolio", { data: { workloads: [], team: { mlOpsMaturity: "basic" } } });
  expect(res.status()).toBe(400);
  expect((await res.json()).issues.map((i: { path: string }) => i.path)).toContain("workloads");
});
