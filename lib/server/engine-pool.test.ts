import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, evaluatePortfolio } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { distinctAssessments, distinctPortfolios } from "@/test/fixtures/distinct-inputs";
import { createEnginePool, type EnginePool } from "./engine-pool";
import type { EngineTask } from "./engine-worker";
import { HttpError } from "./http-errors";
import { DEFAULT_SHAPE, resolveFields, type Shape } from "./response-shape";
import { toErrorResponse } from "./route";

// The worker pool with the real bundle, built the way `npm run build` builds it, into a temporary file.
const FULL: Shape = { fields: resolveFields(["all"]), precision: "full" };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-worker-"));
const workerFile = path.join(dir, "engine-worker.mjs");
const pools: EnginePool[] = [];
const pool = (threads: number, queueMax: number) => {
  const p = createEnginePool({ workerFile, threads, queueMax, nice: 0 });
  pools.push(p);
  return p;
};
const text = (r: { body: Uint8Array }) => new TextDecoder().decode(r.body);

beforeAll(() => {
  const r = spawnSync(process.execPath, ["scripts/build-engine-worker.mjs", "--out", workerFile], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("engine worker pool", () => {
  it("answers every example profile exactly as evaluate() in this process does", async () => {
    const p = pool(2, 64);
    const entries = Object.entries(PROFILES);
    const results = await Promise.all(entries.map(([, input]) => p.run({ kind: "evaluate", input, shape: FULL })));
    results.forEach((r, i) => expect(text(r), entries[i]![0]).toBe(JSON.stringify(evaluate(entries[i]![1]))));
  });

  it("answers a portfolio exactly as evaluatePortfolio() does", async () => {
    const [input] = distinctPortfolios(1);
    const r = await pool(1, 4).run({ kind: "portfolio", input, shape: FULL });
    expect(text(r)).toBe(JSON.stringify(evaluatePortfolio(input!)));
  });

  it("refuses work beyond its queue with 503 and Retry-After, and still answers what it accepted", async () => {
    const threads = 1;
    const queueMax = 1;
    const p = pool(threads, queueMax);
    const inputs = distinctAssessments(8, 3);
    const settled = await Promise.allSettled(
      inputs.map((input) => p.run({ kind: "evaluate", input, shape: DEFAULT_SHAPE } satisfies EngineTask)),
    );
    const refused = settled.filter((s) => s.status === "rejected");
    // At most one task per thread running, one per starting thread and queueMax waiting are accepted.
    expect(refused.length).toBeGreaterThanOrEqual(inputs.length - (2 * threads + queueMax));
    for (const s of refused) {
      const error = (s as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(HttpError);
      const res = toErrorResponse(error);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await res.json()).error).toBe("service_unavailable");
    }
    settled.forEach((s, i) => {
      if (s.status === "fulfilled")
        expect(JSON.parse(text(s.value)).recommendation).toBe(evaluate(inputs[i]!).recommendation);
    });
    // Once drained, it accepts work again.
    expect(
      JSON.parse(text(await p.run({ kind: "evaluate", input: inputs[0], shape: DEFAULT_SHAPE }))).catalogVersion,
    ).toBeTruthy();
  });

  it("passes an engine error back as an error (not a hang, not a dead pool)", async () => {
    const p = pool(1, 4);
    await expect(p.run({ kind: "evaluate", input: { volume: "nonsense" }, shape: DEFAULT_SHAPE })).rejects.toThrow();
    const ok = await p.run({ kind: "evaluate", input: PROFILES.earlyPrototype, shape: DEFAULT_SHAPE });
    expect(JSON.parse(text(ok)).recommendation).toBe(evaluate(PROFILES.earlyPrototype).recommendation);
  });
});
