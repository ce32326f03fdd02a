// Applies the committed Prisma migrations to an in-process PGlite database and records them in
// _prisma_migrations exactly as `prisma migrate deploy` does (same table, sha256 checksums), so
// `prisma migrate status` agrees with what was applied.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function listMigrations(dir = "prisma/migrations") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** @param {import("@electric-sql/pglite").PGlite} pg */
export async function applyMigrations(pg, dir = "prisma/migrations") {
  await pg.exec(MIGRATIONS_TABLE);
  const { rows } = await pg.query(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const done = [];
  for (const m of listMigrations(dir)) {
    if (applied.has(m.name)) {
      if (applied.get(m.name) !== m.checksum) {
        console.warn(`[db] migration ${m.name} was edited after it was applied (checksum differs)`);
      }
      continue;
    }
    await pg.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [crypto.randomUUID(), m.checksum, m.name],
      );
    });
    done.push(m.name);
  }
  return done;
}
