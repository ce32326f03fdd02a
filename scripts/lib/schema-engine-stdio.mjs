// The common part of the schema-engine stand-ins (scripts/schema-engine.mjs and its PGlite variant):
// Prisma's schema-engine binary speaks JSON-RPC over stdio; this serves the same protocol from the
// official WASM build (@prisma/schema-engine-wasm) on @prisma/adapter-pg. Variants pass hooks:
//   prepare(url)              runs once before the engine starts (e.g. to patch the adapter)
//   connectShadow(shadowUrl)  returns a connected adapter for the shadow database
import fs from "node:fs";
import readline from "node:readline";
import { createRequire } from "node:module";
import path from "node:path";

const log = (level, message) => process.stderr.write(JSON.stringify({ level, fields: { message } }) + "\n");

export async function serveSchemaEngine({ prepare, connectShadow } = {}) {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const pkgDir = path.join(process.cwd(), "node_modules/@prisma/schema-engine-wasm");
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const { PrismaPg } = await import(require.resolve("@prisma/adapter-pg"));
  const { bindMigrationAwareSqlAdapterFactory } = await import(require.resolve("@prisma/driver-adapter-utils"));

  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => log("ERROR", "panic: " + m) };
  const argv = process.argv.slice(2);
  if (argv.includes("--version")) {
    console.log("schema-engine-cli 0.0.0-wasm");
    process.exit(0);
  }
  const datamodels = [];
  let datasource = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--datamodels") datamodels.push(argv[++i]);
    else if (argv[i] === "--datasource") datasource = JSON.parse(argv[++i]);
  }

  // `schema-engine cli <command>`: the few database commands Prisma runs outside the RPC session.
  const cliAt = argv.indexOf("cli");
  if (cliAt >= 0) {
    const { default: pg } = await import(require.resolve("pg"));
    const target = new URL(datasource.url);
    const dbName = decodeURIComponent(target.pathname.slice(1));
    const admin = new URL(target);
    admin.pathname = "/postgres";
    const cmd = argv[cliAt + 1];
    try {
      if (cmd === "can-connect-to-database") {
        const c = new pg.Client({ connectionString: target.href });
        await c.connect();
        await c.end();
      } else if (cmd === "create-database" || cmd === "drop-database") {
        const c = new pg.Client({ connectionString: admin.href });
        await c.connect();
        await c.query(`${cmd === "create-database" ? "CREATE" : "DROP"} DATABASE "${dbName.replaceAll('"', '""')}"`);
        await c.end();
      } else throw new Error(`unsupported cli command ${cmd}`);
      process.exit(0);
    } catch (e) {
      process.stderr.write("schema-engine\n");
      log("ERROR", e.message);
      process.exit(1);
    }
  }

  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  const url = datasource.url ?? process.env.DATABASE_URL;
  await prepare?.(url, PrismaPg);
  const factory = new PrismaPg({ connectionString: url });
  if (datasource.shadowDatabaseUrl) {
    factory.connectToShadowDb = connectShadow
      ? () => connectShadow(datasource.shadowDatabaseUrl, PrismaPg)
      : async () => new PrismaPg({ connectionString: datasource.shadowDatabaseUrl }).connect();
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await bg.SchemaEngine.new(
    { datamodels: datamodels.map((p) => [p, fs.readFileSync(p, "utf8")]) },
    (msg) => log("INFO", String(msg)),
    adapter,
  );

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", async (line) => {
    const req = JSON.parse(line);
    const reply = (o) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: req.id, ...o }) + "\n");
    try {
      if (req.method === "getDatabaseVersion") return reply({ result: "PostgreSQL" });
      if (typeof engine[req.method] !== "function") throw new Error(`method ${req.method} not supported`);
      reply({ result: (await engine[req.method](req.params ?? {})) ?? null });
    } catch (e) {
      reply({
        error: {
          code: 4466,
          message: "An error happened. Check the data field for details.",
          data: { is_panic: false, message: e?.message ?? String(e), error_code: e?.error_code },
        },
      });
    }
  });
  rl.on("close", () => process.exit(0));
}
