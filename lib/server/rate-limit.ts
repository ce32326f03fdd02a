import "server-only";
import crypto from "node:crypto";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env, type Env } from "./env";
import { tooManyRequests } from "./http-errors";
import { logger } from "./log";

// Rate limits (429 + Retry-After). Counters live in Redis when REDIS_URL is set, so a limit holds
// across every instance; without it (the embedded dev setup) an in-process limiter is used and
// the log says so once. Limits come from RATE_LIMIT_* variables (`<requests>/<seconds>`);
// RATE_LIMITS=off disables all of them.
//
// Redis failing is not the request's problem: a circuit breaker. The first command that fails
// (refused, or no answer within commandTimeout) opens it; from then on every check counts on this
// instance's in-process counters at once instead of waiting a second for Redis each time (a
// blackholed Redis added 1 s per limit check, issue #25), and a background ping every
// BREAKER_RETRY_MS closes it again when Redis answers.
//
// Keys are SHA-256 hashes of what they count (an e-mail address, an IP, a user id): Redis never
// holds an address in the clear.

export const BREAKER_RETRY_MS = 1_000;

export const LIMITS = {
  signinEmail: "RATE_LIMIT_SIGNIN_EMAIL",
  signinIp: "RATE_LIMIT_SIGNIN_IP",
  pdfUser: "RATE_LIMIT_PDF_USER",
  pdfIp: "RATE_LIMIT_PDF_IP",
  apiIp: "RATE_LIMIT_API_IP",
  apiKey: "RATE_LIMIT_API_KEY",
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
  apiKey: "API requests with this key",
  writeUser: "changes",
  writeIp: "changes",
};

type Limiters = { redis?: RateLimiterRedis; memory: RateLimiterMemory };
type State = {
  limiters: Map<LimitName, Limiters>;
  redis?: Redis;
  announced?: boolean;
  breakerOpen?: boolean;
  retry?: ReturnType<typeof setInterval>;
};
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
      // Fail fast: a command that cannot reach Redis opens the breaker (checkLimit) at once.
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

function limiters(name: LimitName): Limiters {
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
      logger()[e.NODE_ENV === "production" ? "warn" : "info"](
        { store: "memory" },
        "rate limits: no REDIS_URL, using in-process counters (they do not hold across instances)",
      );
  }
  // No insuranceLimiter: the breaker below decides when the in-process counters take over.
  const created: Limiters = {
    memory,
    redis: client
      ? new RateLimiterRedis({ storeClient: client, points, duration: seconds, keyPrefix, rejectIfRedisNotReady: true })
      : undefined,
  };
  s.limiters.set(name, created);
  return created;
}

/** Where the limits count right now: "redis", "memory" (breaker open, or no REDIS_URL). */
export function limitStore(): "redis" | "memory" {
  return redis() && !state().breakerOpen ? "redis" : "memory";
}

function openBreaker(error: unknown) {
  const s = state();
  if (s.breakerOpen) return;
  s.breakerOpen = true;
  logger().warn(
    { err: (error as Error)?.message },
    "rate limits: Redis failed, counting in-process until it answers again",
  );
  // A connection that let a command time out is not trusted again (replies may never come, or come
  // late for the wrong command): start a fresh one.
  freshConnection();
  let stuck = 0;
  s.retry = setInterval(() => {
    const client = s.redis;
    if (!client) return;
    if (client.status !== "ready") {
      // Connected but its ready check unanswered (a path that drops everything): try again anew.
      if (client.status === "connect" && ++stuck >= 3) {
        stuck = 0;
        freshConnection();
      }
      return;
    }
    client.ping().then(
      () => {
        if (!s.breakerOpen) return;
        s.breakerOpen = false;
        clearInterval(s.retry);
        s.retry = undefined;
        logger().info("rate limits: Redis answers again, counters shared again");
      },
      () => freshConnection(),
    );
  }, BREAKER_RETRY_MS);
  s.retry.unref();
}

function freshConnection() {
  const client = state().redis;
  if (client && (client.status === "ready" || client.status === "connect")) client.disconnect(true);
}

/** The key as stored: a hash, so Redis (and memory dumps) never hold an address or IP in the clear. */
export function limiterKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("base64url");
}

/** Counts one request for `key` under limit `name`; throws a 429 HttpError once it is exceeded. */
export async function checkLimit(name: LimitName, key: string): Promise<void> {
  if (env().RATE_LIMITS === "off") return;
  const { redis: shared, memory } = limiters(name);
  const hashed = limiterKey(key);
  try {
    if (shared && !state().breakerOpen) {
      try {
        await shared.consume(hashed, 1);
        return;
      } catch (error) {
        if (error instanceof RateLimiterRes) throw error;
        openBreaker(error);
      }
    }
    await memory.consume(hashed, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      logger().warn({ limit: name }, "rate limit exceeded");
      throw tooManyRequests(Math.ceil(error.msBeforeNext / 1000), WHAT[name]);
    }
    // The in-process store itself failing: let the request through rather than fail it.
    logger().error({ err: (error as Error)?.message, limit: name }, "rate limiter failed; request allowed");
  }
}

/** Checks several limits; all are counted, the first exceeded one is thrown. */
export async function checkLimits(checks: Array<[LimitName, string | undefined]>): Promise<void> {
  for (const [name, key] of checks) if (key) await checkLimit(name, key);
}
