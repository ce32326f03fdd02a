import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { unfold } from "./helpers/assessment";
import { exportPdf } from "./helpers/pdf";
import { evaluate } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-state";
import type { AssessmentInput } from "@/lib/engine/schema";

// Issue #13: the result page and the PDF show the chosen open model × GPU, the SLO it is sized at,
// utilization at the start and end of the horizon, and every option's latency against the target.
const OUT = "e2e/output/capacity";

const codeCompletion: AssessmentInput = {
  volume: {
    requestsPerDay: 400_000,
    inputTokensPerRequest: 1500,
    outputTokensPerRequest: 60,
    peakToAverage: 4,
    monthlyGrowthPct: 5,
  },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "experienced" },
  latency: { p95TargetMs: 80 },
  capability: { frontier: "unnecessary" },
};

test("result page: capacity panel with the configuration, its SLO, utilization and every option's latency", async ({
  page,
}) => {
  fs.mkdirSync(OUT, { recursive: true });
  const e = evaluate(codeCompletion);
  await page.goto(`/assess/result?a=${encodeAnswers(codeCompletion)}`);
  await unfold(page); // the details sit folded under the one-screen summary
  const panel = page.getByTestId("capacity-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("capacity-config")).toContainText(e.capacity.chosen.modelLabel);
  await expect(panel.getByTestId("capacity-config")).toContainText(e.capacity.chosen.gpuLabel);
  await expect(panel.getByTestId("capacity-slo")).toContainText("p95 first token ≤ 80 ms");
  await expect(panel.getByTestId("capacity-utilization")).toContainText("→");
  const rows = panel.getByTestId("capacity-latency").locator("tbody tr");
  await expect(rows).toHaveCount(4);
  // APIs cannot answer an 80 ms first token; the self-hosted configuration can.
  await expect(rows.nth(0)).toContainText("no");
  await expect(rows.nth(2)).toContainText("yes");
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${OUT}/capacity-panel.png` });
  await page.screenshot({ path: `${OUT}/result-page.png`, fullPage: true });
});

test("PDF report carries the capacity section", async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const e = evaluate(codeCompletion);
  await page.goto(`/assess/result?a=${encodeAnswers(codeCompletion)}`);
  const path = `${OUT}/capacity-report.pdf`;
  const { text } = await exportPdf(page, path);
  expect(text).toContain("Self-hosting capacity and latency");
  expect(text).toContain(e.capacity.chosen.modelLabel);
  expect(text).toContain("p95 first token ≤");
  expect(text).toMatch(/you need 80 ms/);
  execFileSync("pdftoppm", ["-png", "-r", "60", path, `${OUT}/capacity-report-page`]);
});
