import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The render worker is a child process (scripts/pdf-worker.mjs); here a fake one records the jobs
// it is sent and answers when a test says so.
type Sent = { type: string; id: string; payload?: unknown; url?: string };
class FakeWorker extends EventEmitter {
  sent: Sent[] = [];
  connected = true;
  exitCode: number | null = null;
  pid = undefined;
  send(msg: Sent, cb?: (e: Error | null) => void) {
    this.sent.push(msg);
    cb?.(null);
    return true;
  }
  unref() {}
  jobs = () => this.sent.filter((m) => m.type === "render");
  reply = (id: string, msg: object) => this.emit("message", { id, ...msg });
  die() {
    this.connected = false;
    this.exitCode = 1;
    this.emit("exit", 1, null);
  }
}
const workers: FakeWorker[] = [];
vi.mock("node:child_process", () => ({
  fork: vi.fn(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }),
}));

// Finding 5 of #14: PDF export was unbounded (20 concurrent exports: ~65 Chromium processes,
// evaluate went from 3 ms to 2 s; 40 concurrent: 40 × 500; abandoned requests kept rendering).
// withRenderSlot is the bound: a fixed number of renders, a short wait list, then 503.

let withRenderSlot: typeof import("./pdf").withRenderSlot;
let pdfQueueStats: typeof import("./pdf").pdfQueueStats;
let renderReportPdf: typeof import("./pdf").renderReportPdf;

beforeEach(async () => {
  vi.stubEnv("PDF_CONCURRENCY", "2");
  vi.stubEnv("PDF_QUEUE_MAX", "3");
  vi.stubEnv("PDF_QUEUE_WAIT_MS", "60000");
  vi.stubEnv("INTERNAL_URL", "http://127.0.0.1:4999");
  vi.resetModules();
  delete (globalThis as { pdfQueue?: unknown }).pdfQueue;
  delete (globalThis as { pdfWorker?: unknown }).pdfWorker;
  workers.length = 0;
  ({ withRenderSlot, pdfQueueStats, renderReportPdf } = await import("./pdf"));
});
afterEach(() => vi.unstubAllEnvs());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("withRenderSlot", () => {
  it("runs at most PDF_CONCURRENCY renders, queues PDF_QUEUE_MAX, answers the rest 503 with Retry-After", async () => {
    const gate = deferred();
    let running = 0;
    let peak = 0;
    const render = async () => {
      running++;
      peak = Math.max(peak, running);
      await gate.promise;
      running--;
      return "pdf";
    };
    const jobs = Array.from({ length: 10 }, () =>
      withRenderSlot(undefined, render).then(
        (v) => ({ ok: v }),
        (e) => ({ e }),
      ),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(pdfQueueStats()).toMatchObject({ active: 2, waiting: 3 });
    gate.resolve();
    const results = await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(results.filter((r) => "ok" in r)).toHaveLength(5);
    const refused = results
      .filter((r) => "e" in r)
      .map((r) => (r as { e: { status: number; retryAfterSeconds?: number } }).e);
    expect(refused).toHaveLength(5);
    for (const e of refused) expect(e).toMatchObject({ status: 503, code: "service_unavailable" });
    expect(refused[0]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(pdfQueueStats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("drops a waiting render whose client went away, without ever starting it", async () => {
    const gate = deferred();
    const started: string[] = [];
    const job = (name: string, signal?: AbortSignal) =>
      withRenderSlot(signal, async () => {
        started.push(name);
        await gate.promise;
      });
    const a = job("a");
    const b = job("b");
    const controller = new AbortController();
    const c = job("c", controller.signal).catch((e) => e);
    await new Promise((r) => setTimeout(r, 5));
    expect(pdfQueueStats().waiting).toBe(1);
    controller.abort();
    expect(await c).toMatchObject({ code: "gone" });
    expect(pdfQueueStats().waiting).toBe(0);
    gate.resolve();
    await Promise.all([a, b]);
    expect(started).toEqual(["a", "b"]);
  });

  it("frees the slot when a render fails", async () => {
    await expect(withRenderSlot(undefined, async () => Promise.reject(new Error("chromium crashed")))).rejects.toThrow(
      "chromium crashed",
    );
    expect(pdfQueueStats().active).toBe(0);
    await expect(withRenderSlot(undefined, async () => "next")).resolves.toBe("next");
  });
});

const tick = () => new Promise((r) => setTimeout(r, 5));
type Refusal = { status: number; code: string; retryAfterSeconds?: number };

describe("renderReportPdf (in the render worker)", () => {
  it("sends each admitted job to one worker with the internal origin; the payload is computed only once a slot is held, never for a refused request", async () => {
    let computed = 0;
    const payload = () => ({ n: ++computed });
    const results = Array.from({ length: 10 }, () =>
      renderReportPdf(payload).then(
        (pdf) => ({ pdf }),
        (e: Refusal) => ({ e }),
      ),
    );
    await tick();
    const w = workers[0]!;
    expect(workers).toHaveLength(1);
    expect(computed).toBe(2); // two running; three waiting have not been evaluated, five refused
    expect(w.jobs().map((j) => j.url)).toEqual([
      "http://127.0.0.1:4999/report/print",
      "http://127.0.0.1:4999/report/print",
    ]);
    // Each finished job hands its slot to a waiting one, which is only then computed and sent.
    for (let i = 0; i < 5; i++) {
      const job = w.jobs()[i]!;
      w.reply(job.id, { type: "done", pdf: new Uint8Array([37, 80, 68, 70, i]), ms: 1 });
      await tick();
    }
    const settled = await Promise.all(results);
    expect(computed).toBe(5);
    expect(w.jobs().map((j) => j.payload)).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    const done = settled.filter((r) => "pdf" in r).map((r) => (r as { pdf: Buffer }).pdf);
    expect(done.map((b) => b[4])).toEqual([0, 1, 2, 3, 4]);
    expect(done[0]!.subarray(0, 4).toString()).toBe("%PDF");
    const refused = settled.filter((r) => "e" in r).map((r) => (r as { e: Refusal }).e);
    expect(refused).toHaveLength(5);
    for (const e of refused) expect(e).toMatchObject({ status: 503, retryAfterSeconds: 5 });
  });

  it("a render that fails in the worker, or a worker that dies, answers 503 with Retry-After (never 500); the next export starts a new worker", async () => {
    const failing = renderReportPdf({}).catch((e: Refusal) => e);
    await tick();
    workers[0]!.reply(workers[0]!.jobs()[0]!.id, { type: "failed", reason: "error", message: "Target crashed" });
    expect(await failing).toMatchObject({ status: 503, code: "service_unavailable", retryAfterSeconds: 10 });

    const orphaned = renderReportPdf({}).catch((e: Refusal) => e);
    await tick();
    workers[0]!.die();
    expect(await orphaned).toMatchObject({ status: 503, code: "service_unavailable" });
    expect(pdfQueueStats().active).toBe(0);

    const next = renderReportPdf({});
    await tick();
    expect(workers).toHaveLength(2);
    workers[1]!.reply(workers[1]!.jobs()[0]!.id, { type: "done", pdf: new Uint8Array([1]), ms: 1 });
    expect((await next).byteLength).toBe(1);
  });

  it("a client that goes away mid-render cancels the job in the worker and frees the slot at once", async () => {
    const controller = new AbortController();
    const pending = renderReportPdf({}, "A4", controller.signal).catch((e: Refusal) => e);
    await tick();
    const w = workers[0]!;
    const id = w.jobs()[0]!.id;
    expect(pdfQueueStats().active).toBe(1);
    controller.abort();
    expect(await pending).toMatchObject({ code: "gone" });
    expect(w.sent).toContainEqual({ type: "cancel", id });
    expect(pdfQueueStats().active).toBe(0);
    // A late answer for the cancelled job is ignored.
    w.reply(id, { type: "done", pdf: new Uint8Array([1]), ms: 1 });
  });
});
