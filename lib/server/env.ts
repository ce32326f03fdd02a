import "server-only";
import os from "node:os";
import { z } from "zod";

// Typed, validated environment: the ONLY place that reads process.env on the server (other code
// calls env()). Read once; a misconfiguration fails loudly with the variable's name, at start-up
// in production (instrumentation.ts calls assertProductionEnv()) rather than on the first request.
// An empty string counts as unset everywhere: `.env.example` ships `NAME=` lines.

const optionalString = z.string().optional();
const optionalUrl = z.url().optional();
// Browsers open it (and cookies, links and the same-origin check follow it): http or https only.
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional();
const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true" || v === "1"));
/** A rate limit as `<requests>/<seconds>`, e.g. `5/900` = 5 per 15 minutes. */
const limit = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, "expected <requests>/<seconds>, e.g. 10/60")
    .default(fallback)
    .transform((v) => {
      const [points, seconds] = v.split("/").map(Number);
      return { points: points!, seconds: seconds! };
    })
    .refine((v) => v.points > 0 && v.seconds > 0, "both numbers must be positive");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),

  DATABASE_URL: optionalUrl,
  // Pool size; the embedded dev database serves one protocol message at a time, so dev.mjs sets 1.
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  // A query that runs longer is cancelled by PostgreSQL and the request answers 503.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),

  AUTH_SECRET: z.string().min(16, "must be at least 16 characters (openssl rand -base64 32)").optional(),
  // The public origin users reach (behind a proxy: the proxy's https URL). Links in e-mails,
  // cookies (Secure when https), share URLs and the same-origin check all use it.
  AUTH_URL: httpUrl,
  EMAIL_FROM: z.string().default("RentOrOwn <no-reply@rentorown.local>"),
  SMTP_URL: optionalString,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  // The local mail outbox page (/dev/outbox) is on in development and tests, off in production.
  ENABLE_DEV_OUTBOX: flag,
  // The outbox holds live sign-in links: under NODE_ENV=production ENABLE_DEV_OUTBOX is refused
  // unless this test-only setting says so too (automated tests against a production build), and
  // even then /dev/outbox answers only requests made directly to INTERNAL_URL (lib/server/mail.ts).
  DEV_OUTBOX_TEST_ONLY: flag,

  // Where this process reaches itself (headless Chromium loads the report page from it).
  // Never taken from request headers. Default http://127.0.0.1:$PORT.
  INTERNAL_URL: httpUrl,
  // Shared counters for rate limits across instances; unset → in-process limiter (one instance only).
  REDIS_URL: optionalUrl,
  // How many reverse proxies in front of the app append to X-Forwarded-For (default 1; 0 = none:
  // the client is the socket's address, lib/server/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),

  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_PREFIX: z.string().default("rentorown"),
  RATE_LIMIT_SIGNIN_EMAIL: limit("5/900"),
  RATE_LIMIT_SIGNIN_IP: limit("30/900"),
  RATE_LIMIT_PDF_USER: limit("20/600"),
  RATE_LIMIT_PDF_IP: limit("30/600"),
  RATE_LIMIT_API_IP: limit("600/60"),
  RATE_LIMIT_API_KEY: limit("6000/60"),
  // Price watch (lib/server/price-watch*.ts): saved projects re-evaluated on a new catalog by pg-boss.
  PRICE_WATCH: z.enum(["on", "off"]).default("on"),
  PRICE_WATCH_TCO_THRESHOLD_PCT: z.coerce.number().min(0).max(1000).default(5),
  PRICE_WATCH_CRON: z.string().default("17 * * * *"),
  RATE_LIMIT_WRITE_USER: limit("120/60"),
  RATE_LIMIT_WRITE_IP: limit("300/60"),

  // PDF renders at once per process (default: one per core), and how many may wait for a slot.
  PDF_CONCURRENCY: z.coerce.number().int().positive().optional(),
  PDF_QUEUE_MAX: z.coerce.number().int().min(0).default(4),
  PDF_QUEUE_WAIT_MS: z.coerce.number().int().positive().default(20_000),
  PDF_RENDER_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),

  // Engine worker threads (lib/server/engine-pool.ts; default: one per core), how many evaluations may
  // wait for one (default 64 per thread; beyond that 503 + Retry-After), the threads' CPU nice (the
  // request thread goes first), and the in-process cache of identical requests.
  ENGINE_THREADS: z.coerce.number().int().positive().max(64).optional(),
  ENGINE_QUEUE_MAX: z.coerce.number().int().min(0).optional(),
  ENGINE_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  ENGINE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(2_000),
  ENGINE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),

  // Default: info; warn under tests (NODE_ENV=test).
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

export type Env = Omit<z.infer<typeof envSchema>, "LOG_LEVEL"> & {
  PDF_CONCURRENCY: number;
  LOG_LEVEL: NonNullable<z.infer<typeof envSchema>["LOG_LEVEL"]>;
};

/** process.env with empty strings removed (so `NAME=` means unset). */
export function nonEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v.trim() !== "") out[k] = v;
  return out;
}

/** Parses an environment; exported for tests. Production requirements are checked here too. */
export function parseEnv(source: Record<string, string | undefined>, { production = true } = {}): Env {
  const parsed = envSchema.safeParse(nonEmpty(source));
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  if (parsed.success && production && parsed.data.NODE_ENV === "production")
    problems.push(...productionProblems(parsed.data));
  if (problems.length > 0 || !parsed.success)
    throw new Error(
      `Invalid environment configuration:\n${problems.join("\n")}\nSee .env.example and README "Production configuration".`,
    );
  return {
    ...parsed.data,
    PDF_CONCURRENCY: parsed.data.PDF_CONCURRENCY ?? Math.max(1, os.availableParallelism()),
    LOG_LEVEL: parsed.data.LOG_LEVEL ?? (parsed.data.NODE_ENV === "test" ? "warn" : "info"),
  };
}

function productionProblems(e: z.infer<typeof envSchema>): string[] {
  const out: string[] = [];
  if (!e.AUTH_SECRET) out.push("  AUTH_SECRET: required in production (signs sessions; openssl rand -base64 32)");
  if (!e.DATABASE_URL)
    out.push(
      "  DATABASE_URL: required in production (PostgreSQL, e.g. postgresql://user:pass@db.internal:5432/rentorown)",
    );
  if (!e.AUTH_URL)
    out.push("  AUTH_URL: required in production (the public URL users open, e.g. https://rentorown.example.com)");
  if (e.ENABLE_DEV_OUTBOX === true && e.DEV_OUTBOX_TEST_ONLY !== true)
    out.push(
      "  ENABLE_DEV_OUTBOX: refused under NODE_ENV=production: the outbox holds live sign-in links, so anyone who can read it can sign in as anyone. " +
        "Set SMTP_URL and remove ENABLE_DEV_OUTBOX. Only an automated test against a production build may add DEV_OUTBOX_TEST_ONLY=true; " +
        "/dev/outbox then answers only requests made directly to INTERNAL_URL, never through AUTH_URL or a proxy",
    );
  else if (!e.SMTP_URL && e.ENABLE_DEV_OUTBOX !== true)
    out.push(
      "  SMTP_URL: required in production to send sign-in e-mails (e.g. smtps://user:pass@smtp.example.com:465)",
    );
  return out;
}

let cached: Env | undefined;

export function env(): Env {
  // `next build` runs with NODE_ENV=production but serves nobody: it must not need the secrets.
  cached ??= parseEnv(process.env, { production: process.env.NEXT_PHASE !== "phase-production-build" });
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache() {
  cached = undefined;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Run the app with `npm run dev` (it starts an embedded database) or set DATABASE_URL (see .env.example).",
    );
  }
  return url;
}

/** The origin users reach: AUTH_URL's; without it (development only) the request's own. */
export function publicOrigin(req?: Request): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  if (req) return new URL(req.url).origin;
  return `http://localhost:${env().PORT}`;
}

/** Where this process reaches itself, for headless Chromium: INTERNAL_URL, else http://127.0.0.1:$PORT. */
export function internalOrigin(): string {
  const e = env();
  return e.INTERNAL_URL ? new URL(e.INTERNAL_URL).origin : `http://127.0.0.1:${e.PORT}`;
}
