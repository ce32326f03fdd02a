// Runs once when a server process starts (next start / next dev), before it serves anything.
// A misconfigured production environment (no AUTH_SECRET, AUTH_URL or SMTP_URL, a malformed
// value) stops the process here with the variable's name, instead of 500s on every sign-in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/server/env");
  try {
    env();
  } catch (error) {
    console.error(`\n[rentorown] refusing to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { logger } = await import("./lib/server/log");
  const e = env();
  logger().info(
    { nodeEnv: e.NODE_ENV, publicUrl: e.AUTH_URL ?? null, redis: Boolean(e.REDIS_URL), rateLimits: e.RATE_LIMITS, pdfConcurrency: e.PDF_CONCURRENCY },
    "server starting",
  );
}
