import { afterEach, describe, expect, it, vi } from "vitest";

// Finding 6 of #14: no throttling anywhere (100 sign-in e-mails to one address in 0.98 s).
// Without REDIS_URL the in-process limiter counts; over the limit → 429 with Retry-After.

async function fresh(vars: Record<string, string>) {
  vi.unstubAllEnvs();
  vi.stubEnv("REDIS_URL", "");
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  vi.resetModules();
  delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
  return import("./rate-limit");
}
afterEach(() => vi.unstubAllEnvs());

describe("checkLimit (in-process)", () => {
  it("allows the configured number per key, then throws 429 with the seconds to wait", async () => {
    const { checkLimit } = await fresh({ RATE_LIMIT_SIGNIN_EMAIL: "3/900" });
    for (let i = 0; i < 3; i++) await checkLimit("signinEmail", "a@example.com");
    const error = await checkLimit("signinEmail", "a@example.com").catch((e) => e);
    expect(error).toMatchObject({ status: 429, code: "too_many_requests" });
    expect(error.retryAfterSeconds).toBeGreaterThan(800);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(900);
    // Other keys have their own budget.
    await expect(checkLimit("signinEmail", "b@example.com")).resolves.toBeUndefined();
  });

  it("RATE_LIMITS=off switches every limit off", async () => {
    const { checkLimit } = await fresh({ RATE_LIMIT_SIGNIN_EMAIL: "1/900", RATE_LIMITS: "off" });
    for (let i = 0; i < 20; i++) await checkLimit("signinEmail", "a@example.com");
  });
});

describe("route limits", () => {
  it("answer 429 with a Retry-After header once a client's writes exceed the limit", async () => {
    await fresh({ RATE_LIMIT_WRITE_IP: "2/60" });
    const { z } = await import("zod");
    const { route } = await import("./route");
    const write = route({ body: z.object({}) }, () => new Response(null, { status: 204 }));
    const from = (ip: string) =>
      write(
        new Request("http://test", {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
        }),
      );
    expect((await from("10.0.0.1")).status).toBe(204);
    expect((await from("10.0.0.1")).status).toBe(204);
    const limited = await from("10.0.0.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from("10.0.0.2")).status).toBe(204);
  });
});
