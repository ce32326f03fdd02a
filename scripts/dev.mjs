#!/usr/bin/env node
// `npm run dev`: serves the app with a migrated database and no manual step.
// - DATABASE_URL set (environment, .env.local or .env): apply pending migrations with
//   `prisma migrate deploy`, then `next dev`.
// - Not set: start an embedded PostgreSQL-compatible database (PGlite, data under .data/pglite)
//   served over the Postgres wire protocol on 127.0.0.1, apply the migrations, then `next dev`
//   against it with a pool of ONE connection (the socket server runs one message at a time;
//   more connections interleave and fail).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { loadEnvFiles } from "./lib/env-files.mjs";

loadEnvFiles();
const DATA_DIR = path.resolve(".data");
const LOCK = path.join(DATA_DIR, "pglite.lock");
const NEXT_BIN = path.resolve("node_modules/.bin/next");
const nextArgs = ["dev", ...process.argv.slice(2)];
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

fs.mkdirSync(DATA_DIR, { recursive: true });
ensureDevAuthSecret();

if (process.env.DATABASE_URL) {
  console.log("[dev] using DATABASE_URL; applying migrations");
  run("npx", ["prisma", "migrate", "deploy"]);
  startNext(process.env);
} else {
  await startEmbedded();
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Auth.js needs a secret; in development a random one is kept under .data/ so sessions survive restarts.
function ensureDevAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

function startNext(env, onExit = (code) => process.exit(code ?? 0)) {
  const child = spawn(NEXT_BIN, nextArgs, { stdio: "inherit", env });
  child.on("exit", onExit);
  return child;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function takeLock() {
  if (fs.existsSync(LOCK)) {
    const pid = Number(fs.readFileSync(LOCK, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      console.error(
        `[dev] the embedded database in .data/ is in use by process ${pid}. Stop it first (two writers would lose data).`,
      );
      process.exit(1);
    }
    console.log("[dev] taking over a stale database lock");
  }
  fs.writeFileSync(LOCK, String(process.pid));
}

async function freePort(start) {
  for (let port = start; port < start + 50; port++) {
    const ok = await new Promise((resolve) => {
      const srv = net.createServer().once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error("no free port for the embedded database");
}

async function startEmbedded() {
  takeLock();
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const { applyMigrations } = await import("./lib/pglite-migrate.mjs");

  const started = Date.now();
  const db = await PGlite.create(path.join(DATA_DIR, "pglite"));
  const applied = await applyMigrations(db);
  const port = await freePort(Number(process.env.EMBEDDED_DB_PORT ?? 54329));
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
  await server.start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  console.log(
    `[dev] embedded database ready in ${Date.now() - started} ms at ${url}` +
      (applied.length ? ` (applied ${applied.join(", ")})` : " (migrations up to date)"),
  );

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      await db.close();
    } finally {
      fs.rmSync(LOCK, { force: true });
      process.exit(code);
    }
  };
  // The embedded database serves one connection: the price watch's job queue (pg-boss) would compete
  // with the app for it, so it is off here unless asked for.
  const next = startNext(
    { ...process.env, DATABASE_URL: url, DATABASE_POOL_MAX: "1", PRICE_WATCH: process.env.PRICE_WATCH ?? "off" },
    (code) => stop(code ?? 0),
  );
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      next.kill(sig);
      void stop(0);
    });
  }
}
