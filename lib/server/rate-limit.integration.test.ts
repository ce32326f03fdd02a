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

// Issue #25: a blackholed Redis added a second (commandTimeout) to every limit check. After the
// first failure the breaker counts in-process without asking Redis, and closes when Redis is back.
describe("rate limits when Redis stops answering (circuit breaker)", () => {
  it("stops asking Redis after the first timeout, still limits, and goes back to Redis once it answers", async () => {
    const { startCuttableProxy } = await import("@/test/cuttable-proxy");
    const target = new URL(REDIS);
    const redisProxy = await startCuttableProxy(target.hostname, Number(target.port || 6379));
    try {
      vi.stubEnv("REDIS_URL", redisProxy.url(REDIS));
      vi.stubEnv("RATE_LIMIT_PREFIX", `${prefix}-breaker`);
      vi.stubEnv("RATE_LIMIT_PDF_USER", "3/600");
      vi.resetModules();
      delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
      const m = await import("./rate-limit");
      instances.push(m);
      expect(await m.redisReady()).toBe(true);
      await m.checkLimit("pdfUser", "user-3");
      expect(m.limitStore()).toBe("redis");

      redisProxy.blackhole();
      const sent = vi.spyOn(m.redis()!, "sendCommand");
      await m.checkLimit("pdfUser", "user-3"); // waits for the command timeout once, then opens the breaker
      expect(m.limitStore()).toBe("memory");
      const afterFirstFailure = sent.mock.calls.length;
      await m.checkLimit("pdfUser", "user-3");
      await m.checkLimit("pdfUser", "user-3");
      await expect(m.checkLimit("pdfUser", "user-3")).rejects.toMatchObject({ status: 429 }); // in-process counters still limit
      // No limit check went to Redis while the breaker was open (only the background pings may).
      const limitCommands = sent.mock.calls
        .slice(afterFirstFailure)
        .filter(([c]) => (c as { name: string }).name !== "ping");
      expect(limitCommands).toEqual([]);
      sent.mockRestore();

      await redisProxy.restore();
      await expect.poll(() => m.limitStore(), { timeout: 15_000 }).toBe("redis");
      await m.checkLimit("pdfUser", "user-4");
      expect(await m.redis()!.keys(`${prefix}-breaker:rl:pdfUser*`)).toHaveLength(2);
    } finally {
      await redisProxy.close();
    }
  });
});

// Issue #25: the keys held the e-mail addresses in the clear.
describe("limiter keys in Redis", () => {
  it("are hashes: no e-mail address or IP is stored", async () => {
    const m = await instance();
    await m.checkLimit("signinEmail", "victim@example.com");
    await m.checkLimit("signinIp", "203.0.113.7");
    const keys = await m.redis()!.keys(`${prefix}:rl:signin*`);
    expect(keys).toHaveLength(2);
    for (const k of keys) {
      expect(k).not.toContain("victim");
      expect(k).not.toContain("example.com");
      expect(k).not.toContain("203.0.113.7");
    }
    expect(keys).toContain(`${prefix}:rl:signinEmail:${m.limiterKey("victim@example.com")}`);
  });
});
