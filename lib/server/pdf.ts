import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { env, internalOrigin } from "./env";
import { HttpError, serviceUnavailable } from "./http-errors";
import { logger } from "./log";

// PDF reports are printed by headless Chromium from the same React report page and chart
// components the browser shows (/report/print), so no number or chart exists twice. The page is
// empty until the payload is injected, so it needs no auth of its own.
//
// Rendering is bounded work: at most PDF_CONCURRENCY renders run at once in a process, at most
// PDF_QUEUE_MAX more wait for a slot (up to PDF_QUEUE_WAIT_MS), and anything beyond is answered
// 503 with Retry-After at once. A render stops as soon as its client goes away (the request's
// signal) or after PDF_RENDER_TIMEOUT_MS. Chromium loads the page from the internal origin
// (INTERNAL_URL, default http://127.0.0.1:$PORT), never from an origin taken from request headers.
//
// The rendering itself happens in a separate process (scripts/pdf-worker.mjs, forked per server
// process at nice 19, Chromium below it), so the web server's event loop only queues the job,
// sends the payload and returns the bytes; see the worker for why that matters.

export type PaperFormat = "A4" | "Letter";

type Waiter = { resolve: () => void; reject: (e: unknown) => void };
type Queue = { active: number; waiting: Waiter[] };
const globalForPdf = globalThis as unknown as { pdfWorker?: Worker; pdfQueue?: Queue };

function queue(): Queue {
  globalForPdf.pdfQueue ??= { active: 0, waiting: [] };
  return globalForPdf.pdfQueue;
}

/** Renders in progress and waiting, for readiness and tests. */
export function pdfQueueStats() {
  const q = queue();
  return {
    active: q.active,
    waiting: q.waiting.length,
    concurrency: env().PDF_CONCURRENCY,
    queueMax: env().PDF_QUEUE_MAX,
  };
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

type Job = { resolve: (pdf: Buffer) => void; reject: (e: unknown) => void };
type Worker = { child: ChildProcess; jobs: Map<string, Job> };
type WorkerReply =
  | { type: "ready" }
  | { type: "done"; id: string; pdf: Uint8Array; ms: number }
  | { type: "failed"; id: string; reason: "no-chromium" | "cancelled" | "error"; message: string };

/**
 * The render worker (scripts/pdf-worker.mjs): one per server process, forked on the first export
 * and, in production, at the lowest CPU priority (nice 19, in the server's own scheduling group), so Chromium and
 * the work of driving it only use CPU the web server leaves idle. If it dies, its jobs fail with
 * 503 and the next export starts a new one.
 */
function worker(): Worker {
  const current = globalForPdf.pdfWorker;
  if (current && current.child.exitCode === null && current.child.connected) return current;
  const script = path.join(process.cwd(), "scripts", "pdf-worker.mjs");
  // In development nothing is niced: `next dev` compiles the page on demand and its bundles are
  // heavy, and there is no API latency to protect; the argument is Chromium's default nice.
  const production = env().NODE_ENV === "production";
  const child = fork(/*turbopackIgnore: true*/ script, [production ? "10" : "0"], {
    serialization: "advanced",
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const w: Worker = { child, jobs: new Map() };
  try {
    if (child.pid && production) os.setPriority(child.pid, 19);
  } catch {
    logger().warn("pdf worker: could not lower its CPU priority");
  }
  child.on("message", (msg: WorkerReply) => {
    if (msg.type === "ready") return;
    const job = w.jobs.get(msg.id);
    if (!job) return;
    w.jobs.delete(msg.id);
    if (msg.type === "done") {
      logger().info({ ms: msg.ms, bytes: msg.pdf.byteLength }, "pdf rendered");
      job.resolve(Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength));
    } else if (msg.reason === "no-chromium")
      job.reject(serviceUnavailable("PDF export needs Chromium on the server (apt-get install chromium).", 60));
    else {
      // Chromium crashed, a step timed out on a starved machine…: transient from the client's side.
      if (msg.reason === "error") logger().error({ detail: msg.message }, "pdf render failed");
      job.reject(serviceUnavailable("The PDF could not be rendered just now; try again in a few seconds.", 10));
    }
  });
  const stopped = () => {
    if (globalForPdf.pdfWorker === w) globalForPdf.pdfWorker = undefined;
    for (const job of w.jobs.values())
      job.reject(serviceUnavailable("The PDF renderer restarted; try again in a few seconds.", 5));
    w.jobs.clear();
  };
  child.on("exit", stopped);
  child.on("error", (error) => {
    logger().error({ err: error }, "pdf worker failed");
    stopped();
  });
  // The worker never keeps the server alive; it exits by itself when the server does.
  child.unref();
  (child as unknown as { channel?: { unref(): void } }).channel?.unref();
  globalForPdf.pdfWorker = w;
  return w;
}

let jobCounter = 0;

const FOOTER = `<div style="font-family: Helvetica, Arial, sans-serif; font-size: 8px; color: #444; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;">
  <span>RentOrOwn decision report</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

/**
 * Renders the report page with the payload and prints it, in a bounded slot; aborts with `signal`.
 * `payload` may be a function: it is then computed only once a slot is held, so requests that are
 * refused (503) or abandoned while waiting never pay for an evaluation.
 */
export async function renderReportPdf(
  payload: unknown | (() => unknown),
  format: PaperFormat = "A4",
  signal?: AbortSignal,
): Promise<Buffer> {
  return withRenderSlot(signal, async () => {
    if (signal?.aborted) throw gone();
    const data = typeof payload === "function" ? (payload as () => unknown)() : payload;
    const w = worker();
    const id = `${process.pid}-${++jobCounter}`;
    let timedOut = false;
    // Stops the job in the worker (it closes the page) and frees this slot at once.
    const cancel = () => {
      const job = w.jobs.get(id);
      if (!job) return;
      w.jobs.delete(id);
      if (w.child.connected) w.child.send({ type: "cancel", id }, () => {});
      job.reject(new Error("cancelled"));
    };
    const timeout = setTimeout(() => {
      timedOut = true;
      cancel();
    }, env().PDF_RENDER_TIMEOUT_MS);
    signal?.addEventListener("abort", cancel, { once: true });
    try {
      return await new Promise<Buffer>((resolve, reject) => {
        w.jobs.set(id, { resolve, reject });
        const restarting = () =>
          w.jobs.delete(id) &&
          reject(serviceUnavailable("The PDF renderer is restarting; try again in a few seconds.", 5));
        const job = {
          type: "render",
          id,
          url: `${internalOrigin()}/report/print`,
          payload: data,
          format,
          footer: FOOTER,
          timeoutMs: env().PDF_RENDER_TIMEOUT_MS,
        };
        try {
          w.child.send(job, (error) => void (error && restarting()));
        } catch {
          restarting();
        }
      });
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
      signal?.removeEventListener("abort", cancel);
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
