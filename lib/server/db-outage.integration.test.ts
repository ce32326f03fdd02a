import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startCuttableProxy, type CuttableProxy } from "@/test/cuttable-proxy";
import { hashToken } from "./token-hash";

// Finding 9 of #14: with the database down, signed-in API calls answered "sign in to continue"
// (401) instead of 503, and with a blackholed connection a health check hung for ≥ 100 s (no
// query timeout). Here the app's own Prisma client talks to the test database through a TCP
// proxy the test cuts (refused, then blackholed) and restores, with no restart in between.

// The route wrapper loads ./auth for `auth: true`; next-auth itself does not load under vitest,
// so the wrapper gets the real session lookup (session.ts) that auth.ts re-exports.
vi.mock("./auth", () => import("./session"));

let proxy: CuttableProxy;
let mod: {
  db: typeof import("./db").db;
  route: typeof import("./route").route;
  checkReadiness: typeof import("./health").checkReadiness;
  sessionCookieName: typeof import("./session").sessionCookieName;
};
const realUrl = process.env.DATABASE_URL!;
const saved = (globalThis as { prisma?: unknown }).prisma;
let cookie: string;

beforeAll(async () => {
  const target = new URL(realUrl);
  proxy = await startCuttableProxy(target.hostname, Number(target.port || 5432));
  vi.stubEnv("DATABASE_URL", proxy.url(realUrl));
  vi.stubEnv("DATABASE_STATEMENT_TIMEOUT_MS", "1500");
  vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "1000");
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  const [db, route, health, auth] = await Promise.all([
    import("./db"),
    import("./route"),
    import("./health"),
    import("./session"),
  ]);
  mod = {
    db: db.db,
    route: route.route,
    checkReadiness: health.checkReadiness,
    sessionCookieName: auth.sessionCookieName,
  };
  // A real user with a real database session, signed in the way Auth.js stores it.
  const user = await mod
    .db()
    .user.create({ data: { email: `outage-${crypto.randomBytes(3).toString("hex")}@example.com` } });
  const token = crypto.randomBytes(32).toString("hex");
  await mod.db().session.create({
    data: { sessionToken: hashToken(token), userId: user.id, expires: new Date(Date.now() + 3_600_000) },
  });
  cookie = `${mod.sessionCookieName()}=${token}`;
});

afterAll(async () => {
  await proxy.restore();
  await mod.db().user.deleteMany({ where: { email: { startsWith: "outage-" } } });
  await mod.db().$disconnect();
  (globalThis as { prisma?: unknown }).prisma = saved;
  await proxy.close();
  vi.unstubAllEnvs();
});

const whoAmI = () =>
  mod.route({ auth: true }, ({ user }) => Response.json({ id: user.id }))(
    new Request("http://test/api/me", { headers: { cookie } }),
  );

describe("database outage under a running app", () => {
  it("serves signed-in calls while the database is up", async () => {
    expect((await whoAmI()).status).toBe(200);
    expect((await mod.checkReadiness()).db).toBe("ok");
  });

  it("answers 503 (not 401) to a signed-in call when the database refuses connections", async () => {
    await proxy.refuse();
    const res = await whoAmI();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect((await res.json()).error).toBe("service_unavailable");
    expect(await mod.checkReadiness()).toMatchObject({ status: "unavailable", db: "unreachable" });
  });

  /** The whoAmI status once it answers 200, polling for up to 5 s after the proxy is restored. */
  async function statusOnceRecovered(): Promise<number> {
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await whoAmI()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    return status;
  }

  it("recovers by itself once the database is back", async () => {
    await proxy.restore();
    expect(await statusOnceRecovered()).toBe(200);
  });

  it("gives up on a blackholed connection (503) instead of hanging, and recovers after", async () => {
    proxy.blackhole();
    // Existing pooled connections now hear nothing back; new ones never complete the handshake.
    const res = await whoAmI();
    expect(res.status).toBe(503);
    expect((await mod.checkReadiness(undefined, 1_000)).db).toBe("unreachable");
    await proxy.restore();
    expect(await statusOnceRecovered()).toBe(200);
  });
});
