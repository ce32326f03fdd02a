#!/usr/bin/env node
// Serves the production build for Playwright on a fresh, migrated database that is dropped on exit.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const port = process.argv[2] ?? "3100";
const require = createRequire(import.meta.url);
const { register } = require("tsx/cjs/api");
register();
const { createMigratedDatabase, dropDatabase } = require("../test/databases.ts");

const { name, url } = await createMigratedDatabase("rentorown_e2e");
console.log(`[e2e] database ${name} ready`);
// Tests that must set up state a user cannot create through the UI (e.g. a project saved on an
// older catalog) find the database here.
fs.mkdirSync("e2e/output", { recursive: true });
fs.writeFileSync(`e2e/output/e2e-db-url-${port}.txt`, url);
const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-000000",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: `http://localhost:${port}`,
    ENABLE_DEV_OUTBOX: "true",
  },
});
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase(name).catch((e) => console.error(`[e2e] could not drop ${name}: ${e.message}`));
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void stop(0));
child.on("exit", (code) => void stop(code ?? 0));
