import crypto from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Rate limits must hold across instances (#14): two independent limiter sets — as two server
// processes would have — share one Redis, so the budget is counted once across both.
// Needs Redis on 127.0.0.1:6379 (REDIS_TEST_URL to override), as `.ci/run` provides.

const REDIS = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const prefix = `rentorown-test-${crypto.randomBytes(4).toString("hex")}`;
const instances: Array<typeof import("./rate-limit")> = [];

async function instance() {
  vi.stubEnv("REDIS_URL", REDIS);
  vi.stubEnv("RATE_LIMIT_PREFIX", prefix);
  vi.stubEnv("RATE_LIMIT_PDF_USER", "4/600");
  vi.resetModules();
  delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
  const m = await import("./rate-limit");
  expect(await m.redisReady()).toBe(true);
  instances.push(m);
  return m;
}

afterAll(async () => {
  const r = instances[0]?.redis();
  if (r) {
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
  }
  for (const m of instances) m.redis()?.disconnect();
  vi.unstubAllEnvs();
});

describe("rate limits in Redis", () => {
  it("count one budget across two instances, then answer 429 on either", async () => {
    const a = await instance();
    const b = await instance();
    expect(a.redis()).not.toBe(b.redis());
    await a.checkLimit("pdfUser", "user-1");
    await b.checkLimit("pdfUser", "user-1");
    await a.checkLimit("pdfUser", "user-1");
    await b.checkLimit("pdfUser", "user-1");
    await expect(a.checkLimit("pdfUser", "user-1")).rejects.toMatchObject({ status: 429 });
    await expect(b.checkLimit("pdfUser", "user-1")).rejects.toMatchObject({ status: 429 });
    const stored = await a.redis()!.keys(`${prefix}:rl:pdfUser*`);
    expect(stored.length).toBe(1);
  });
});

describe("rate limits when Redis is unreachable", () => {
  it("still hold, on each instance's in-process counters, instead of failing requests", async () => {
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    vi.stubEnv("RATE_LIMIT_PREFIX", `${prefix}-down`);
    vi.stubEnv("RATE_LIMIT_PDF_USER", "2/600");
    vi.resetModules();
    delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
    const m = await import("./rate-limit");
    instances.push(m);
    await m.checkLimit("pdfUser", "user-2");
    await m.checkLimit("pdfUser", "user-2");
    await expect(m.checkLimit("pdfUser", "user-2")).rejects.toMatchObject({ status: 429 });
  });
});
