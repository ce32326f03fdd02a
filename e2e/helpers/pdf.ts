import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * Clicks "Export PDF" as a user would, saves the download to `file` and returns the PDF's text
 * (pdftotext -layout; `raw`: reading order with whitespace collapsed, for sentences that wrap) and
 * the file name the server suggested.
 */
export async function exportPdf(
  page: Page,
  file: string,
  opts: { raw?: boolean } = {},
): Promise<{ text: string; suggestedFilename: string }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PDF" }).click();
  const d = await download;
  await d.saveAs(file);
  const text = opts.raw
    ? execFileSync("pdftotext", ["-raw", file, "-"]).toString().replace(/\s+/g, " ")
    : execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  return { text, suggestedFilename: d.suggestedFilename() };
}
