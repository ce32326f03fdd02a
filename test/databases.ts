// Throw-away PostgreSQL databases for integration and e2e tests: created, migrated with the
// committed migrations (prisma migrate deploy, the same path production takes), then dropped.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import pg from "pg";

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlFor(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${ADMIN_URL} (${(error as Error).message}). Tests need a PostgreSQL server; set TEST_DATABASE_ADMIN_URL to one.`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createMigratedDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = urlFor(name);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  return { name, url };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
