import "server-only";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { catalogVersion } from "@/lib/engine";
import { ByteLru, cacheKey } from "./engine-cache";
import type { EngineResult, EngineTask } from "./engine-worker";
import { env } from "./env";
import { serviceUnavailable } from "./http-errors";
import { logger } from "./log";
import type { Shape } from "./response-shape";

// Engine work off the request thread (issue #22). An evaluation is 5–100 ms of pure CPU; run on the
// web server's event loop it held every other request (health checks, pages) for that long. Here it
// runs in a pool of worker threads (piscina) loading generated/engine-worker.mjs (the engine and the
// response shaping, bundled by scripts/build-engine-worker.mjs): one thread per core
// by default, each at a lower CPU priority than the request thread, a bounded queue in front of them,
// and 503 + Retry-After the moment the queue is full, so overload is refused quickly instead of
// answered slowly. Identical requests within a catalog version are answered from a bounded cache.

export type EnginePoolOptions = {
  /** The bundled worker module (generated/engine-worker.mjs). */
  workerFile: string;
  threads: number;
  /** Tasks that may wait for a thread; one more is refused with 503. */
  queueMax: number;
  /** Added to the worker threads' nice value (Linux; ignored where unsupported). */
  nice: number;
};

export type EnginePool = {
  run(task: EngineTask): Promise<EngineResult>;
  stats(): { threads: number; queueMax: number; queued: number; completed: number };
  close(): Promise<void>;
};

/** Seconds a refused client is asked to wait: the queue drains in well under that at capacity. */
const BUSY_RETRY_AFTER_SECONDS = 1;
/** An uncertainty run (2,000 draws) takes a few seconds of one thread. */
const UNCERTAINTY_RETRY_AFTER_SECONDS = 5;

export function createEnginePool(options: EnginePoolOptions): EnginePool {
  const pool = new Piscina<EngineTask, EngineResult>({
    filename: options.workerFile,
    minThreads: options.threads,
    maxThreads: options.threads,
    maxQueue: options.queueMax,
    concurrentTasksPerWorker: 1,
    // Threads stay up: starting one loads the bundled engine (~100 ms), the cost the pool exists to avoid.
    idleTimeout: 2 ** 31 - 1,
    niceIncrement: options.nice,
  });
  return {
    async run(task) {
      try {
        return await pool.run(task);
      } catch (error) {
        const message = (error as Error)?.message ?? "";
        if (message === "Task queue is at limit" || message === "No task queue available and all Workers are busy") {
          throw serviceUnavailable("The engine is busy; try again in a second.", BUSY_RETRY_AFTER_SECONDS);
        }
        if (message === "Terminating worker thread")
          throw serviceUnavailable("The engine restarted; try again in a second.", BUSY_RETRY_AFTER_SECONDS);
        throw error;
      }
    },
    stats: () => ({
      threads: options.threads,
      queueMax: options.queueMax,
      queued: pool.queueSize,
      completed: pool.completed,
    }),
    close: () => pool.close(),
  };
}

/** The worker bundle for this checkout, rebuilt first when missing or older than its sources. */
export function engineWorkerFile(): string {
  const root = process.cwd();
  const file = path.join(root, "generated", "engine-worker.mjs");
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [path.join(root, /*turbopackIgnore: true*/ "scripts", "build-engine-worker.mjs"), "--if-stale"],
    { cwd: root, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`engine worker build failed: ${r.stderr || r.error?.message}`);
  if (r.stdout.trim())
    logger().info({ ms: Math.round(performance.now() - started), detail: r.stdout.trim() }, "engine worker rebuilt");
  return file;
}

type Shared = {
  pool?: EnginePool;
  cache?: ByteLru<CachedResult>;
  inflight: Map<string, Promise<CachedResult>>;
  uncertaintyRuns?: number;
};
type CachedResult = EngineResult & { byteLength: number };
const globalForEngine = globalThis as unknown as { rentorownEngine?: Shared };
const shared: Shared = (globalForEngine.rentorownEngine ??= { inflight: new Map() });

/** The process's pool (created on first use, or at start by instrumentation.ts). */
export function enginePool(): EnginePool {
  if (!shared.pool) {
    const e = env();
    const threads = e.ENGINE_THREADS ?? Math.max(1, os.availableParallelism());
    shared.pool = createEnginePool({
      workerFile: engineWorkerFile(),
      threads,
      queueMax: e.ENGINE_QUEUE_MAX ?? 64 * threads,
      // In development nothing is niced: `next dev` compiles on demand and no latency needs protecting.
      nice: e.NODE_ENV === "production" ? e.ENGINE_WORKER_NICE : 0,
    });
  }
  return shared.pool;
}

function engineCache(): ByteLru<CachedResult> {
  shared.cache ??= new ByteLru({ maxEntries: env().ENGINE_CACHE_MAX_ENTRIES, maxBytes: env().ENGINE_CACHE_MAX_BYTES });
  return shared.cache;
}

/** Pool and cache figures (tests, diagnostics). */
export function engineStats() {
  return { pool: shared.pool?.stats(), cache: shared.cache?.stats(), inflight: shared.inflight.size };
}

/**
 * The response to an engine request: `input` (validated, defaults filled) evaluated in the pool and
 * shaped as the client asked, or the same bytes from the cache. Identical requests already in flight
 * wait for the one evaluation instead of starting their own. Compression (gzip, as Accept-Encoding
 * allows) is Next.js's, on the way out.
 */
export async function engineResponse(kind: EngineTask["kind"], input: unknown, shape: Shape): Promise<Response> {
  const key = cacheKey({ kind, catalogVersion, input, shape });
  const cache = engineCache();
  const hit = cache.get(key);
  let result: CachedResult;
  if (hit) result = hit;
  else {
    let pending = shared.inflight.get(key);
    if (!pending) {
      // The uncertainty's draws hold a thread for seconds: at most one run per thread, in flight or
      // queued, so they can never fill the queue that every other evaluation waits in.
      const heavy = kind === "evaluate" && shape.fields.includes("uncertainty");
      const pool = enginePool();
      if (heavy && (shared.uncertaintyRuns ?? 0) >= pool.stats().threads)
        throw serviceUnavailable(
          "Uncertainty runs are busy; try again in a few seconds.",
          UNCERTAINTY_RETRY_AFTER_SECONDS,
        );
      if (heavy) shared.uncertaintyRuns = (shared.uncertaintyRuns ?? 0) + 1;
      pending = pool
        .run({ kind, input, shape })
        .then((r) => {
          const cached = { ...r, byteLength: r.body.byteLength };
          cache.set(key, cached);
          return cached;
        })
        .finally(() => {
          shared.inflight.delete(key);
          if (heavy) shared.uncertaintyRuns = (shared.uncertaintyRuns ?? 1) - 1;
        });
      shared.inflight.set(key, pending);
    }
    result = await pending;
  }
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "cache-control": "no-store",
    "x-engine-cache": hit ? "hit" : "miss",
  };
  return new Response(new Uint8Array(result.body), { headers });
}
