import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/chromium.mjs";

// E2E runs against the production build (`next build` first; scripts/test-all.mjs does it) served by
// scripts/e2e-server.mjs on a fresh, migrated PostgreSQL database.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// "localhost" everywhere: Auth.js builds its redirects from the host the server sees, and a
// mix of localhost and 127.0.0.1 would put the session cookie on the other host.
const baseURL = `http://localhost:${PORT}`;
const executablePath = process.env.PLAYWRIGHT_USE_BUNDLED ? undefined : findChromium();

export default defineConfig({
  testDir: "./e2e",
  outputDir: `./e2e/output/test-results-${PORT}`,
  fullyParallel: false,
  workers: 1, // 2 cores: the server and the browser need them.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: `./e2e/output/report-${PORT}`, open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets scripts/e2e-server.mjs drop its throw-away database before exiting.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
