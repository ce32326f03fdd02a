import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { unfold } from "./helpers/assessment";
import { exportPdf } from "./helpers/pdf";
import { evaluate } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-state";
import { SAAS_FINE_TUNING } from "./helpers/saas-profile";

// Issue #11: the result page and the PDF show what would change the verdict, the optimised split, the
// premium, the GPU terms, staff by fleet and the price trends, every number from the evaluation.
const OUT = "e2e/output/economics";

const saas = SAAS_FINE_TUNING;

test("result page: what would change the verdict and the economics panel", async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const e = evaluate(saas);
  await page.goto(`/assess/result?a=${encodeAnswers(saas)}`);
  await unfold(page); // the details sit folded under the one-screen summary
  const wwc = page.getByTestId("what-would-change");
  await expect(wwc).toBeVisible();
  if (e.whatWouldChange.length)
    await expect(wwc.getByTestId("wwc-item").first()).toContainText(e.whatWouldChange[0]!.text);
  else await expect(wwc.getByTestId("wwc-none")).toBeVisible();
  const panel = page.getByTestId("economics-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("economics-gpu-terms")).toContainText("in use");
  await expect(panel.getByTestId("economics-staff")).toContainText(e.costs["self-hosted"].fleet!.staff.first.text);
  await expect(panel.getByTestId("economics-trends")).toContainText("API prices are");
  await wwc.scrollIntoViewIfNeeded();
  await wwc.screenshot({ path: `${OUT}/what-would-change.png` });
  await panel.screenshot({ path: `${OUT}/economics-panel.png` });
  await page.screenshot({ path: `${OUT}/result-page.png`, fullPage: true });
});

test("PDF report carries what would change the verdict and the economics", async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  await page.goto(`/assess/result?a=${encodeAnswers(saas)}`);
  const path = `${OUT}/economics-report.pdf`;
  const { text } = await exportPdf(page, path);
  expect(text).toContain("What would change the verdict");
  expect(text).toContain("The economics behind the verdict");
  expect(text).toContain("GPU terms");
  execFileSync("pdftoppm", ["-png", "-r", "60", path, `${OUT}/economics-report-page`]);
});
