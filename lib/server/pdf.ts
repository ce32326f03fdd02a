import "server-only";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "@/lib/chromium.mjs";
import { HttpError } from "./http-errors";

// PDF reports are printed by headless Chromium from the same React report page and chart
// components the browser shows (/report/print), so no number or chart exists twice. The page is
// empty until the server injects the payload, so it needs no auth of its own. One browser is
// kept per server process (launching costs ~1 s); each report gets a fresh, isolated context.

export type PaperFormat = "A4" | "Letter";

const globalForPdf = globalThis as unknown as { pdfBrowser?: Promise<Browser> };

async function browser(): Promise<Browser> {
  const existing = globalForPdf.pdfBrowser ? await globalForPdf.pdfBrowser.catch(() => undefined) : undefined;
  if (existing?.isConnected()) return existing;
  const executablePath = findChromium();
  if (!executablePath) {
    throw new HttpError(503, "internal_error", "PDF export needs Chromium on the server (apt-get install chromium).");
  }
  globalForPdf.pdfBrowser = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return globalForPdf.pdfBrowser;
}

const FOOTER = `<div style="font-family: Helvetica, Arial, sans-serif; font-size: 8px; color: #444; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;">
  <span>RentOrOwn decision report</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/** Renders the report page at `origin` with `payload` and prints it. */
export async function renderReportPdf(origin: string, payload: unknown, format: PaperFormat = "A4"): Promise<Buffer> {
  const context = await (await browser()).newContext({ viewport: { width: 1100, height: 1400 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/report/print`, { waitUntil: "load" });
    await page.waitForFunction(() => typeof (window as unknown as { __renderReport?: unknown }).__renderReport === "function");
    await page.evaluate((data) => (window as unknown as { __renderReport: (d: unknown) => void }).__renderReport(data), payload);
    await page.waitForSelector("[data-report-ready='true']", { timeout: 15_000 });
    return await page.pdf({
      format,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
    });
  } finally {
    await context.close();
  }
}

/** `rentorown-board-pack-2026-11-23.pdf` */
export function reportFileName(projectName: string, date: Date): string {
  const slug =
    projectName
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "assessment";
  return `rentorown-${slug}-${date.toISOString().slice(0, 10)}.pdf`;
}

export function pdfResponse(pdf: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
