import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "@/lib/chromium.mjs";
import { env, internalOrigin } from "./env";
import { HttpError, serviceUnavailable } from "./http-errors";
import { logger } from "./log";

// PDF reports are printed by headless Chromium from the same React report page and chart
// components the browser shows (/report/print), so no number or chart exists twice. The page is
// empty until the server injects the payload, so it needs no auth of its own. One browser is
// kept per server process (launching costs ~1 s); each report gets a fresh, isolated context.
//
// Rendering is bounded work: at most PDF_CONCURRENCY renders run at once in a process (default
// one per core), at most PDF_QUEUE_MAX more wait for a slot (up to PDF_QUEUE_WAIT_MS), and
// anything beyond is answered 503 with Retry-After at once, so a burst of exports cannot starve
// the rest of the app. A render stops as soon as its client goes away (the request's signal) or
// after PDF_RENDER_TIMEOUT_MS. Chromium loads the page from the internal origin (INTERNAL_URL,
// default http://127.0.0.1:$PORT), never from an origin taken from request headers.

export type PaperFormat = "A4" | "Letter";

type Waiter = { resolve: () => void; reject: (e: unknown) => void };
type Queue = { active: number; waiting: Waiter[] };
const globalForPdf = globalThis as unknown as { pdfBrowser?: Promise<Browser>; pdfQueue?: Queue };

function queue(): Queue {
  globalForPdf.pdfQueue ??= { active: 0, waiting: [] };
  return globalForPdf.pdfQueue;
}

/** Renders in progress and waiting, for readiness and tests. */
export function pdfQueueStats() {
  const q = queue();
  return { active: q.active, waiting: q.waiting.length, concurrency: env().PDF_CONCURRENCY, queueMax: env().PDF_QUEUE_MAX };
}

const busy = () => serviceUnavailable("PDF export is busy; try again in a few seconds.", 5);
const gone = () => new HttpError("gone", "The request was cancelled.");

/** Runs `fn` in a render slot; waits for one in the short wait list, else 503. */
export async function withRenderSlot<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
  const q = queue();
  const { PDF_CONCURRENCY, PDF_QUEUE_MAX, PDF_QUEUE_WAIT_MS } = env();
  if (signal?.aborted) throw gone();
  if (q.active >= PDF_CONCURRENCY) {
    if (q.waiting.length >= PDF_QUEUE_MAX) throw busy();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          cleanup();
          resolve();
        },
        reject: (e) => {
          cleanup();
          reject(e);
        },
      };
      const drop = (e: unknown) => {
        const i = q.waiting.indexOf(waiter);
        if (i >= 0) q.waiting.splice(i, 1);
        waiter.reject(e);
      };
      const timer = setTimeout(() => drop(busy()), PDF_QUEUE_WAIT_MS);
      const onAbort = () => drop(gone());
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      q.waiting.push(waiter);
    });
  } else {
    q.active++;
  }
  // Here this caller holds a slot (a releasing caller hands its slot over without decrementing).
  try {
    return await fn();
  } finally {
    const next = q.waiting.shift();
    if (next) next.resolve();
    else q.active--;
  }
}

async function browser(): Promise<Browser> {
  const existing = globalForPdf.pdfBrowser ? await globalForPdf.pdfBrowser.catch(() => undefined) : undefined;
  if (existing?.isConnected()) return existing;
  const executablePath = findChromium();
  if (!executablePath) throw serviceUnavailable("PDF export needs Chromium on the server (apt-get install chromium).", 60);
  globalForPdf.pdfBrowser = chromium.launch({ executablePath: niced(executablePath), args: CHROMIUM_ARGS, headless: true });
  return globalForPdf.pdfBrowser;
}

/**
 * Chromium runs at a lower CPU priority (nice 10) than the web server, so renders use idle CPU
 * and never slow the API down: a tiny wrapper script execs the browser under `nice`.
 */
function niced(executable: string): string {
  const nice = "/usr/bin/nice";
  if (process.platform !== "linux" || !fs.existsSync(nice)) return executable;
  try {
    const file = path.join(os.tmpdir(), `rentorown-chromium-nice-${process.getuid?.() ?? 0}.sh`);
    const script = `#!/bin/sh\nexec ${nice} -n 10 "${executable}" "$@"\n`;
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== script) fs.writeFileSync(file, script, { mode: 0o755 });
    return file;
  } catch {
    return executable;
  }
}

const FOOTER = `<div style="font-family: Helvetica, Arial, sans-serif; font-size: 8px; color: #444; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;">
  <span>RentOrOwn decision report</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/** Renders the report page with `payload` and prints it, in a bounded slot; aborts with `signal`. */
export async function renderReportPdf(payload: unknown, format: PaperFormat = "A4", signal?: AbortSignal): Promise<Buffer> {
  return withRenderSlot(signal, async () => {
    if (signal?.aborted) throw gone();
    const started = performance.now();
    const context = await (await browser()).newContext({ viewport: { width: 1100, height: 1400 } });
    const onAbort = () => void context.close().catch(() => {});
    signal?.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      onAbort();
    }, env().PDF_RENDER_TIMEOUT_MS);
    try {
      const page = await context.newPage();
      await page.goto(`${internalOrigin()}/report/print`, { waitUntil: "load" });
      await page.waitForFunction(() => typeof (window as unknown as { __renderReport?: unknown }).__renderReport === "function");
      await page.evaluate((data) => (window as unknown as { __renderReport: (d: unknown) => void }).__renderReport(data), payload);
      await page.waitForSelector("[data-report-ready='true']", { timeout: 15_000 });
      const pdf = await page.pdf({
        format,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: FOOTER,
        margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
      });
      logger().info({ ms: Math.round(performance.now() - started), bytes: pdf.byteLength }, "pdf rendered");
      return pdf;
    } catch (error) {
      if (signal?.aborted) {
        logger().info("pdf render abandoned: the client went away");
        throw gone();
      }
      if (timedOut) {
        logger().warn({ timeoutMs: env().PDF_RENDER_TIMEOUT_MS }, "pdf render timed out");
        throw serviceUnavailable("The PDF took too long to render; try again in a minute.", 30);
      }
      throw error;
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener("abort", onAbort);
      await context.close().catch(() => {});
    }
  });
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
