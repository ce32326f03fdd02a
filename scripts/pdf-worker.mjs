#!/usr/bin/env node
// The PDF render worker (issue #14). lib/server/pdf.ts forks one per web-server process, at the
// lowest CPU priority, and sends it render jobs over the IPC channel; this process owns headless
// Chromium and everything that drives it (the DevTools protocol, the payload's serialisation into
// the page, the PDF stream). A web server that rendered in its own process spent ~1 s of its
// event loop per PDF on that work (Playwright's protocol traffic, the page's assets served again to
// every fresh browser context, the garbage they left), which is what delayed the API during a burst.
//
// Jobs: { type: "render", id, url, payload, format, footer } → { type: "done", id, pdf, ms } or
// { type: "failed", id, reason: "no-chromium" | "error", message }; { type: "cancel", id } closes
// the job's page at once (the client went away or the render timed out). The worker exits when
// its parent goes away (the IPC channel closes), closing Chromium.
//
// Chromium is niced twice (PDF_CHROMIUM_NICE, default 10): `nice` inside its process group, and
// the same value written to its autogroup. Playwright starts the browser as a new session
// (detached), and with the kernel's autogroup scheduling (the default on most distributions) a
// new session competes with the web server as an equal group whatever its processes' nice; the
// autogroup's own nice is what ranks it. Measured on 2 shared cores (load ~10) during a 40-export
// burst, evaluate at 1 connection: autogroup nice 0 → p99 0.9–1.2 s (5–6 renders finished),
// 5 → 0.29 s (1), 10 → 0.16 s (0: renders wait for idle CPU and time out with 503 when there is
// none). On a machine that is not saturated by other work, renders get the core the API leaves.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium.mjs";

/** Chromium's nice (its autogroup's and its own), 0–19; PDF_CHROMIUM_NICE overrides the server's default. */
// The server passes the default as the first argument (10 in production, 0 under `next dev`).
const niceSetting = Number.parseInt(process.env.PDF_CHROMIUM_NICE ?? process.argv[2] ?? "", 10);
const CHROMIUM_NICE = Number.isInteger(niceSetting) ? Math.min(19, Math.max(0, niceSetting)) : 10;

/** Renders after which the shared browser context (and its cache) is replaced, bounding its memory. */
const CONTEXT_RENDERS = 100;

/** @type {Promise<import("playwright-core").Browser> | undefined} */
let browserPromise;
/** @type {{ context: import("playwright-core").BrowserContext, renders: number } | undefined} */
let shared;
/** Open pages by job id, so a cancel can close one. @type {Map<string, import("playwright-core").Page>} */
const pages = new Map();
const cancelled = new Set();

function niced(executable) {
  if (process.platform !== "linux" || !fs.existsSync("/usr/bin/nice")) return executable;
  try {
    const file = path.join(os.tmpdir(), `rentorown-chromium-nice${CHROMIUM_NICE}-${process.getuid?.() ?? 0}.sh`);
    const script = `#!/bin/sh\n(echo ${CHROMIUM_NICE} > /proc/$$/autogroup) 2>/dev/null\nexec /usr/bin/nice -n ${CHROMIUM_NICE} "${executable}" "$@"\n`;
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== script)
      fs.writeFileSync(file, script, { mode: 0o755 });
    return file;
  } catch {
    return executable;
  }
}

async function browser() {
  const existing = browserPromise ? await browserPromise.catch(() => undefined) : undefined;
  if (existing?.isConnected()) return existing;
  shared = undefined;
  const executablePath = findChromium();
  if (!executablePath) throw Object.assign(new Error("no chromium"), { reason: "no-chromium" });
  browserPromise = chromium.launch({ executablePath: niced(executablePath), args: CHROMIUM_ARGS, headless: true });
  return browserPromise;
}

/**
 * One browser context for all renders: the report page's scripts, styles and font are immutable
 * and stay in its cache, so the web server serves a render one small HTML document instead of
 * every asset again. Each report still gets its own page; the page keeps no state between reports.
 */
async function context() {
  const b = await browser();
  if (shared && shared.renders >= CONTEXT_RENDERS && pages.size === 0) {
    const old = shared.context;
    shared = undefined;
    await old.close().catch(() => {});
  }
  if (!shared) shared = { context: await b.newContext({ viewport: { width: 1100, height: 1400 } }), renders: 0 };
  shared.renders++;
  return shared.context;
}

async function render({ id, url, payload, format, footer, timeoutMs }) {
  const started = performance.now();
  const page = await (await context()).newPage();
  pages.set(id, page);
  // The server's own timeout (it cancels the job) comes first; these only stop a step stuck forever.
  page.setDefaultTimeout((timeoutMs ?? 30_000) + 5_000);
  try {
    if (cancelled.has(id)) throw new Error("cancelled");
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => typeof window.__renderReport === "function");
    await page.evaluate((data) => window.__renderReport(data), payload);
    await page.waitForSelector("[data-report-ready='true']");
    const pdf = await page.pdf({
      format,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" },
    });
    return { pdf, ms: Math.round(performance.now() - started) };
  } finally {
    pages.delete(id);
    await page.close().catch(() => {});
  }
}

process.on("message", (msg) => {
  if (msg?.type === "cancel") {
    cancelled.add(msg.id);
    void pages
      .get(msg.id)
      ?.close()
      .catch(() => {});
    return;
  }
  if (msg?.type !== "render") return;
  render(msg)
    .then(
      ({ pdf, ms }) =>
        process.send?.({
          type: "done",
          id: msg.id,
          pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
          ms,
        }),
      (error) =>
        process.send?.({
          type: "failed",
          id: msg.id,
          reason: error?.reason === "no-chromium" ? "no-chromium" : cancelled.has(msg.id) ? "cancelled" : "error",
          message: String(error?.message ?? error).slice(0, 500),
        }),
    )
    .finally(() => cancelled.delete(msg.id));
});

async function shutdown() {
  setTimeout(() => process.exit(0), 5_000).unref();
  const b = browserPromise ? await browserPromise.catch(() => undefined) : undefined;
  await b?.close().catch(() => {});
  process.exit(0);
}
process.on("disconnect", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
process.send?.({ type: "ready" });
