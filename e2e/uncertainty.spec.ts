import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { exportPdf } from "./helpers/pdf";
import { evaluate } from "@/lib/engine";
import { evaluateUncertainty } from "@/lib/engine/evaluate-uncertainty";
import { encodeAnswers } from "@/lib/assessment/url-state";
import { SAAS_FINE_TUNING } from "./helpers/saas-profile";

// Issue 23: the result page and the PDF say how sure the verdict is — the sentence, every option's
// P10–P90, the drivers, the grounded confidence — and shade the P10–P90 bands on the two cost charts.
const OUT = "e2e/output/uncertainty";

const saas = SAAS_FINE_TUNING;

test("result page: how sure is this, with bands on the cumulative and cost-vs-volume charts", async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const e = evaluate(saas);
  // The page runs 1,000 draws (components/result/use-uncertainty.ts) with the same engine: the same numbers.
  const u = evaluateUncertainty(saas, undefined, { draws: 1000 });
  await page.goto(`/assess/result?a=${encodeAnswers(saas)}`);
  const panel = page.getByTestId("uncertainty");
  await expect(panel).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId("uncertainty-text")).toHaveText(u.text);
  expect(u.text).toMatch(/in (over |under )?\d+% of 1,000 draws/);
  await expect(panel.getByTestId("uncertainty-drivers").locator("li")).toHaveCount(u.drivers.length);
  await expect(page.getByTestId("confidence").first()).toHaveText(`${Math.round(u.confidence * 100)}%`);
  expect(u.verdict).toBe(e.recommendation);
  const charts = page.getByTestId("charts");
  await charts.scrollIntoViewIfNeeded();
  for (const id of ["chart-cumulative", "chart-cost-vs-volume"]) {
    const chart = page.getByTestId(id);
    await expect(chart).toContainText("Shaded: where 80% of 100 draws");
    // One shaded area per banded option (the verdict and its rival).
    await expect(chart.locator(".recharts-area-area")).toHaveCount(u.rival ? 2 : 1);
    await chart.screenshot({ path: `${OUT}/${id}.png` });
  }
  await panel.screenshot({ path: `${OUT}/panel.png` });
});

test("PDF report: grounded confidence, the sentence and the ranges", async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const u = evaluateUncertainty(saas);
  await page.goto(`/assess/result?a=${encodeAnswers(saas)}`);
  const path = `${OUT}/uncertainty-report.pdf`;
  const { text } = await exportPdf(page, path, { raw: true });
  expect(text).toContain("How sure is this?");
  expect(text).toContain(u.verdictText);
  expect(text).toContain(`Confidence ${Math.round(u.confidence * 100)}%`);
  execFileSync("pdftoppm", ["-png", "-r", "60", path, `${OUT}/uncertainty-report-page`]);
});
