import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EVALUATE_EXAMPLE } from "@/lib/openapi/document";

// API keys end to end through the real route handlers, PostgreSQL and Redis: created and revoked by
// the signed-in owner, stored only as a hash, counted against the key's own budget on /api/v1/*,
// refused once revoked; anonymous calls still work at the (lower) per-IP limit.

const REDIS = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const prefix = `rentorown-keys-${crypto.randomBytes(4).toString("hex")}`;

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/server/auth", async () => {
  const { unauthorized } = await import("./http-errors");
  return {
    currentUser: async () => session.user,
    requireUser: async () => {
      if (!session.user) throw unauthorized();
      return session.user;
    },
  };
});

type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
let keysRoute: { GET: Handler; POST: Handler };
let keyRoute: { DELETE: Handler };
let evaluateRoute: { POST: Handler };
let db: typeof import("./db").db;
let redis: typeof import("./rate-limit").redis;

const json = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      origin: "http://localhost",
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const evaluateAs = (headers: Record<string, string>) =>
  evaluateRoute.POST(json("POST", "/api/v1/evaluate", EVALUATE_EXAMPLE, headers));

beforeAll(async () => {
  vi.stubEnv("REDIS_URL", REDIS);
  vi.stubEnv("RATE_LIMIT_PREFIX", prefix);
  vi.stubEnv("RATE_LIMIT_API_IP", "2/600");
  vi.stubEnv("RATE_LIMIT_API_KEY", "4/600");
  vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
  vi.stubEnv("AUTH_URL", "http://localhost");
  vi.resetModules();
  delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
  ({ db } = await import("./db"));
  const limits = await import("./rate-limit");
  redis = limits.redis;
  expect(await limits.redisReady()).toBe(true);
  keysRoute = (await import("@/app/api/account/api-keys/route")) as never;
  keyRoute = (await import("@/app/api/account/api-keys/[id]/route")) as never;
  evaluateRoute = (await import("@/app/api/v1/evaluate/route")) as never;
  const user = await db().user.create({
    data: { email: `keys-${prefix}@example.com` },
    select: { id: true, email: true },
  });
  session.user = user;
});

afterAll(async () => {
  const r = redis();
  if (r) {
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
  }
  vi.unstubAllEnvs();
});

describe("API keys", () => {
  it("are created on the account routes, shown once and stored only as a SHA-256", async () => {
    const res = await keysRoute.POST(json("POST", "/api/account/api-keys", { name: "CI pipeline" }));
    expect(res.status).toBe(201);
    const { key, apiKey } = (await res.json()) as { key: string; apiKey: { id: string; prefix: string } };
    expect(key).toMatch(/^roo_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(crypto.createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(key);
    const listed = (await (await keysRoute.GET(json("GET", "/api/account/api-keys"))).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(listed.keys).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(key);
    // Bad input is a 400 with issues, not a 500; signed out is a 401.
    expect((await keysRoute.POST(json("POST", "/api/account/api-keys", { name: "  " }))).status).toBe(400);
    const owner = session.user;
    session.user = null;
    expect((await keysRoute.GET(json("GET", "/api/account/api-keys"))).status).toBe(401);
    session.user = owner;
  });

  it("count /api/v1 calls against the key's own budget; anonymous calls against the lower per-IP one; revoked keys get 401", async () => {
    const create = async (name: string) =>
      (await (await keysRoute.POST(json("POST", "/api/account/api-keys", { name }))).json()) as {
        key: string;
        apiKey: { id: string };
      };
    const a = await create("key A");
    const b = await create("key B");
    const ip = { "x-forwarded-for": "203.0.113.7" };

    // Anonymous: 2 per IP, then 429 with Retry-After.
    expect((await evaluateAs(ip)).status).toBe(200);
    expect((await evaluateAs(ip)).status).toBe(200);
    const limited = await evaluateAs(ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // The same IP with a key: the key's 4, not the exhausted IP budget.
    for (let i = 0; i < 4; i++)
      expect((await evaluateAs({ ...ip, authorization: `Bearer ${a.key}` })).status).toBe(200);
    expect((await evaluateAs({ ...ip, authorization: `Bearer ${a.key}` })).status).toBe(429);
    // Another key has a budget of its own (X-API-Key works too).
    expect((await evaluateAs({ ...ip, "x-api-key": b.key })).status).toBe(200);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: b.apiKey.id } })).lastUsedAt).not.toBeNull();

    // Unknown and revoked keys are refused, not silently anonymous.
    expect((await evaluateAs({ authorization: "Bearer roo_not-a-key" })).status).toBe(401);
    const revoked = await keyRoute.DELETE(json("DELETE", `/api/account/api-keys/${b.apiKey.id}`), {
      params: Promise.resolve({ id: b.apiKey.id }),
    });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { apiKey: { revokedAt: string | null } }).apiKey.revokedAt).not.toBeNull();
    const refused = await evaluateAs({ "x-api-key": b.key });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe("unauthorized");
    // Anonymous from another address still works.
    expect((await evaluateAs({ "x-forwarded-for": "198.51.100.9" })).status).toBe(200);
  });

  it("cannot be revoked by another user (404)", async () => {
    const owner = session.user!;
    const { apiKey } = (await (
      await keysRoute.POST(json("POST", "/api/account/api-keys", { name: "mine" }))
    ).json()) as { apiKey: { id: string } };
    session.user = await db().user.create({
      data: { email: `other-${prefix}@example.com` },
      select: { id: true, email: true },
    });
    const res = await keyRoute.DELETE(json("DELETE", `/api/account/api-keys/${apiKey.id}`), {
      params: Promise.resolve({ id: apiKey.id }),
    });
    expect(res.status).toBe(404);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).revokedAt).toBeNull();
    session.user = owner;
  });
});
