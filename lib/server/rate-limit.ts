import "server-only";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env, type Env } from "./env";
import { tooManyRequests } from "./http-errors";
import { logger } from "./log";

// Rate limits (429 + Retry-After). Counters live in Redis when REDIS_URL is set, so a limit holds
// across every instance; without it (the embedded dev setup) an in-process limiter is used and
// the log says so once. If Redis becomes unreachable, each instance falls back to its own
// in-process counters (the "insurance" limiter) instead of failing requests. Limits come from
// RATE_LIMIT_* variables (`<requests>/<seconds>`); RATE_LIMITS=off disables all of them.

export const LIMITS = {
  signinEmail: "RATE_LIMIT_SIGNIN_EMAIL",
  signinIp: "RATE_LIMIT_SIGNIN_IP",
  pdfUser: "RATE_LIMIT_PDF_USER",
  pdfIp: "RATE_LIMIT_PDF_IP",
  apiIp: "RATE_LIMIT_API_IP",
  writeUser: "RATE_LIMIT_WRITE_USER",
  writeIp: "RATE_LIMIT_WRITE_IP",
} as const satisfies Record<string, keyof Env>;

export type LimitName = keyof typeof LIMITS;

const WHAT: Record<LimitName, string> = {
  signinEmail: "sign-in e-mails to this address",
  signinIp: "sign-in requests",
  pdfUser: "PDF exports",
  pdfIp: "PDF exports",
  apiIp: "API requests",
  writeUser: "changes",
  writeIp: "changes",
};

type State = { limiters: Map<LimitName, RateLimiterAbstract>; redis?: Redis; announced?: boolean };
const globalForLimits = globalThis as unknown as { rentorownLimits?: State };

// Captured when the module loads (kept on globalThis so dev hot reloads reuse the connection).
const STATE: State = (globalForLimits.rentorownLimits ??= { limiters: new Map() });
const state = () => STATE;

/** Resolves once Redis is connected (or at once without REDIS_URL); for start-up and tests. */
export async function redisReady(timeoutMs = 3_000): Promise<boolean> {
  const r = redis();
  if (!r) return true;
  if (r.status === "ready") return true;
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), timeoutMs);
    r.once("ready", () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** The shared Redis connection (also used by readiness), or undefined without REDIS_URL. */
export function redis(): Redis | undefined {
  const url = env().REDIS_URL;
  if (!url) return undefined;
  const s = state();
  if (!s.redis) {
    s.redis = new Redis(url, {
      // Fail fast: a limiter that cannot reach Redis uses its in-process insurance at once.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    s.redis.on("error", (err) => logger().warn({ err: err.message }, "redis error"));
  }
  return s.redis;
}

function limiter(name: LimitName): RateLimiterAbstract {
  const s = state();
  const existing = s.limiters.get(name);
  if (existing) return existing;
  const e = env();
  const { points, seconds } = e[LIMITS[name]];
  const keyPrefix = `${e.RATE_LIMIT_PREFIX}:rl:${name}`;
  const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix });
  const client = redis();
  if (!s.announced) {
    s.announced = true;
    if (client) logger().info({ store: "redis" }, "rate limits: counters in Redis, shared by all instances");
    else
      logger()[e.NODE_ENV === "production" ? "warn" : "info"]({ store: "memory" }, "rate limits: no REDIS_URL, using in-process counters (they do not hold across instances)");
  }
  const created = client
    ? new RateLimiterRedis({ storeClient: client, points, duration: seconds, keyPrefix, insuranceLimiter: memory, rejectIfRedisNotReady: true })
    : memory;
  s.limiters.set(name, created);
  return created;
}

/** Counts one request for `key` under limit `name`; throws a 429 HttpError once it is exceeded. */
export async function checkLimit(name: LimitName, key: string): Promise<void> {
  if (env().RATE_LIMITS === "off") return;
  try {
    await limiter(name).consume(key, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      logger().warn({ limit: name }, "rate limit exceeded");
      throw tooManyRequests(Math.ceil(error.msBeforeNext / 1000), WHAT[name]);
    }
    // A store failure with no insurance left: let the request through rather than fail it.
    logger().error({ err: (error as Error)?.message, limit: name }, "rate limiter failed; request allowed");
  }
}

/** Checks several limits; all are counted, the first exceeded one is thrown. */
export async function checkLimits(checks: Array<[LimitName, string | undefined]>): Promise<void> {
  for (const [name, key] of checks) if (key) await checkLimit(name, key);
}
