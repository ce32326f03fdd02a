// Finds a Chromium (for Playwright tests and server-side PDF rendering) without downloading one: $CHROMIUM_PATH, Debian's
// /usr/bin/chromium, or a browser Playwright already installed on this machine.
import fs from "node:fs";

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(/*turbopackIgnore: true*/ c)) return c;
  return undefined;
}

export async function findPlaywrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export const NO_BROWSER_MESSAGE =
  "No Chromium found for the end-to-end tests. Install Debian's: `sudo apt-get update && sudo apt-get install -y chromium` " +
  "(or set CHROMIUM_PATH to a Chromium/Chrome binary).";
