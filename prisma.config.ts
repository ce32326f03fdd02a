import { defineConfig } from "prisma/config";

// Prisma's migration engine is a binary that cannot be downloaded here; a stand-in on the official
// @prisma/schema-engine-wasm package (scripts/schema-engine*.mjs) speaks the same protocol.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "scripts/schema-engine-wrapper.mjs";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // `prisma generate` needs no database; every other command is run with DATABASE_URL set.
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/rentorown_dev",
  },
});
