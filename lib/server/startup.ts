import "server-only";
import { installSocketAddressAsClient } from "./client-ip";
import { env } from "./env";
import { logger } from "./log";
import { redis } from "./rate-limit";

/** Called by instrumentation.ts at start-up: exits with the reason when the environment is invalid. */
export function checkEnvironmentAtStart(): void {
  try {
    env();
  } catch (error) {
    console.error(`\n[rentorown] refusing to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const e = env();
  logger().info(
    {
      nodeEnv: e.NODE_ENV,
      publicUrl: e.AUTH_URL ?? null,
      redis: Boolean(e.REDIS_URL),
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
      rateLimits: e.RATE_LIMITS,
      pdfConcurrency: e.PDF_CONCURRENCY,
    },
    "server starting",
  );
  // No proxy in front: the client is the socket's address, whatever X-Forwarded-For says.
  if (e.TRUSTED_PROXY_HOPS === 0) installSocketAddressAsClient();
  // Open the Redis connection now, not on the first limited request: readiness and the first
  // limit checks then find it ready.
  redis();
}
