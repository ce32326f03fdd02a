import "server-only";
import { z } from "zod";

// Typed, validated environment. Read once; a misconfiguration fails loudly at first use
// with the variable's name instead of surfacing later as an obscure runtime error.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // Pool size; the embedded dev database serves one protocol message at a time, so dev.mjs sets 1.
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  AUTH_SECRET: z.string().min(16).optional(),
  AUTH_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("RentOrOwn <no-reply@rentorown.local>"),
  SMTP_URL: z.string().optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  // The local mail outbox page (/dev/outbox) is on in development and tests, off in production.
  ENABLE_DEV_OUTBOX: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment configuration:\n${lines}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Run the app with `npm run dev` (it starts an embedded database) or set DATABASE_URL (see .env.example).",
    );
  }
  return url;
}
