// Runs once when a server process starts (next start / next dev), before it serves anything.
// A misconfigured production environment (no AUTH_SECRET, AUTH_URL or SMTP_URL, a malformed
// value) stops the process here with the variable's name, instead of 500s on every sign-in.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentAtStart } = await import("./lib/server/startup");
    checkEnvironmentAtStart();
    // Engine worker threads up (and their bundle checked) before the first API request, not during it;
    // if that fails the pages still serve and the API retries on its first request (and logs why).
    const { enginePool } = await import("./lib/server/engine-pool");
    try {
      enginePool();
    } catch (error) {
      const { logger } = await import("./lib/server/log");
      logger().error({ err: error }, "engine pool failed to start");
    }
    // The price watch's job worker (pg-boss on DATABASE_URL): this build's catalog is checked once
    // across all instances, then on its schedule. Never blocks start-up.
    const { startPriceWatchInBackground } = await import("./lib/server/price-watch-jobs");
    startPriceWatchInBackground();
  }
}
