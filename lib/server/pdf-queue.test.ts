import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Finding 5 of #14: PDF export was unbounded (20 concurrent exports: ~65 Chromium processes,
// evaluate went from 3 ms to 2 s; 40 concurrent: 40 × 500; abandoned requests kept rendering).
// withRenderSlot is the bound: a fixed number of renders, a short wait list, then 503.

let withRenderSlot: typeof import("./pdf").withRenderSlot;
let pdfQueueStats: typeof import("./pdf").pdfQueueStats;

beforeEach(async () => {
  vi.stubEnv("PDF_CONCURRENCY", "2");
  vi.stubEnv("PDF_QUEUE_MAX", "3");
  vi.stubEnv("PDF_QUEUE_WAIT_MS", "60000");
  vi.resetModules();
  delete (globalThis as { pdfQueue?: unknown }).pdfQueue;
  ({ withRenderSlot, pdfQueueStats } = await import("./pdf"));
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
    const jobs = Array.from({ length: 10 }, () => withRenderSlot(undefined, render).then((v) => ({ ok: v }), (e) => ({ e })));
    await new Promise((r) => setTimeout(r, 10));
    expect(pdfQueueStats()).toMatchObject({ active: 2, waiting: 3 });
    gate.resolve();
    const results = await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(results.filter((r) => "ok" in r)).toHaveLength(5);
    const refused = results.filter((r) => "e" in r).map((r) => (r as { e: { status: number; retryAfterSeconds?: number } }).e);
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
    await expect(withRenderSlot(undefined, async () => Promise.reject(new Error("chromium crashed")))).rejects.toThrow("chromium crashed");
    expect(pdfQueueStats().active).toBe(0);
    await expect(withRenderSlot(undefined, async () => "next")).resolves.toBe("next");
  });
});
