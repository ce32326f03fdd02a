#!/usr/bin/env node
// Bundles the engine worker (lib/server/engine-worker.ts: lib/engine, the response shaping, zlib) into
// one plain-JS module a worker thread can load: generated/engine-worker.mjs. The web server's engine
// pool (lib/server/engine-pool.ts) runs evaluations there, off the request thread. Next.js bundles
// route handlers but not worker-thread entry files, so this is its own, tiny build (esbuild, which the
// toolchain already ships), run by `npm run build` (prebuild) and, when the bundle is missing or older
// than its sources, by the pool itself before it starts (`--if-stale`): a `next build` alone, `next dev`
// and tests get a bundle of the engine they run, never a stale one.
//
// Beside the bundle, engine-worker.meta.json lists the source files it was built from and a hash of
// their contents; `--if-stale` rebuilds only when that hash no longer matches (or a listed file is gone).
//
//   node scripts/build-engine-worker.mjs [--if-stale] [--out <file.mjs>]
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outFile = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, "generated", "engine-worker.mjs"));
const metaFile = outFile.replace(/\.mjs$/, ".meta.json");

/** Content hash of the files a bundle was built from (paths relative to the repo). */
function hashOf(inputs) {
  const h = crypto.createHash("sha256");
  for (const rel of inputs) {
    h.update(rel);
    h.update("\0");
    h.update(fs.readFileSync(path.join(root, rel)));
  }
  return h.digest("hex");
}

function fresh() {
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8"));
    return fs.existsSync(outFile) && meta.hash === hashOf(meta.inputs);
  } catch {
    return false; // no bundle yet, or a listed source was removed
  }
}

if (args.includes("--if-stale") && fresh()) process.exit(0);

const { build } = await import("esbuild");
const started = Date.now();
const tmp = `${outFile}.${process.pid}.tmp`;
const result = await build({
  absWorkingDir: root,
  entryPoints: ["lib/server/engine-worker.ts"],
  outfile: tmp,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The worker runs only what it imports; keep stack traces readable, skip minification.
  sourcemap: false,
  metafile: true,
  logLevel: "warning",
  tsconfig: path.join(root, "tsconfig.json"),
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.startsWith("node_modules/") && !f.includes(":"))
  .sort();
// Dependencies' code is pinned by the lockfile; listing package-lock.json rebuilds on an upgrade.
if (fs.existsSync(path.join(root, "package-lock.json"))) inputs.push("package-lock.json");
fs.mkdirSync(path.dirname(outFile), { recursive: true });
// Renamed into place so a server starting meanwhile never loads half a file.
fs.renameSync(tmp, outFile);
fs.writeFileSync(metaFile, JSON.stringify({ hash: hashOf(inputs), inputs }, null, 1));
console.log(
  `engine worker: ${path.relative(root, outFile)} (${(fs.statSync(outFile).size / 1024).toFixed(0)} kB, ${inputs.length} sources) in ${Date.now() - started} ms`,
);
