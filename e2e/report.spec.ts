import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { encodeAnswers } from "@/lib/assessment/url-state";

const OUT = "e2e/output/pdf";

/** Text of a PDF (poppler's pdftotext) and its pages as PNG (pdftoppm) for a human to look at. */
function inspectPdf(file: string, pngPrefix: string) {
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
  execFileSync("pdftoppm", ["-png", "-r", "60", file, pngPrefix]);
  return { text, pages };
}

test("Export PDF on the results page downloads a report with the verdict, charts and sources", async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const input = PROFILES.hospitalPatientData;
  await page.goto(`/assess/result?a=${encodeAnswers(input)}`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rentorown-assessment-\d{4}-\d{2}-\d{2}\.pdf$/);
  const path = `${OUT}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  expect(fs.readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
  const { text, pages } = inspectPdf(path, `${OUT}/assessment-page`);
  const e = evaluate(input);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(text).toContain(e.recommendationLabel);
  expect(text).toContain("Executive summary");
  expect(text).toContain(`Catalog ${e.catalogVersion}`);
  expect(text).toMatch(/Page 1 of \d+/);
  expect(text).toContain("Monthly cost vs daily token volume");
  expect(text).toContain("silybench"); // assumptions carry their sources
});

test("the PDF endpoint validates its input", async ({ request }) => {
  const res = await request.post("/api/report/pdf", { data: { input: { volume: {} } } });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toBe("invalid_input");
});

test("page 1 of the PDF is the decision memo; the cash flow a CFO reads follows (issue 26 item 16)", async ({
  page,
}) => {
  fs.mkdirSync(OUT, { recursive: true });
  const input = PROFILES.hospitalPatientData;
  const e = evaluate(input);
  await page.goto(`/assess/result?a=${encodeAnswers(input)}`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PDF" }).click();
  const path = `${OUT}/memo.pdf`;
  await (await download).saveAs(path);
  // Lower-cased: a heading set in capitals by CSS prints in capitals.
  const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-raw", path, "-"])
    .toString()
    .replace(/\s+/g, " ")
    .toLowerCase();
  for (const text of [
    "RentOrOwn decision memo",
    e.recommendationLabel,
    "Total cost",
    "Executive summary",
    "Risks",
    "Main lever",
    "Your figures and the models priced",
    e.comparison.apiModel,
  ]) {
    expect(first).toContain(text.toLowerCase());
  }
  expect(first).toMatch(/confidence \d+%/);
  const all = execFileSync("pdftotext", ["-layout", path, "-"]).toString();
  expect(all).toContain("Year-by-year cash flow");
  expect(all).toMatch(/Year 1\s+\$/);
  expect(all).toContain("Hardware (capex)");
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", path, `${OUT}/memo-page`]);
});
