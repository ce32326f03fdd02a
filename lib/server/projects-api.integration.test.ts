import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { evaluate } from "@/lib/engine";

// Verdicts the engine reaches today (never hard-coded: the catalog moves with the market).
const early = evaluate(PROFILES.earlyPrototype).recommendation;
const hospital = evaluate(PROFILES.hospitalPatientData).recommendation;
import * as projectsRoute from "@/app/api/projects/route";
import * as projectRoute from "@/app/api/projects/[id]/route";
import * as duplicateRoute from "@/app/api/projects/[id]/duplicate/route";
import * as revisionsRoute from "@/app/api/projects/[id]/revisions/route";
import * as revisionRoute from "@/app/api/projects/[id]/revisions/[number]/route";
import * as revisionPdfRoute from "@/app/api/projects/[id]/revisions/[number]/pdf/route";
import * as shareLinksRoute from "@/app/api/projects/[id]/share-links/route";
import * as shareLinkRoute from "@/app/api/share-links/[id]/route";
import { db } from "./db";

// Every project route handler, called as Next calls it, with the session replaced by a test
// double: the owner gets 2xx, another signed-in user gets 404 (never 403: a foreign project is
// indistinguishable from a missing one), nobody signed in gets 401 — and nothing changes.

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
const as = (who: { id: string; email: string } | null) => (session.user = who);
function call(handler: Handler, method: string, path: string, params: Record<string, string> = {}, body?: unknown) {
  const req = new Request(`http://localhost${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return handler(req, { params: Promise.resolve(params) });
}

const tag = crypto.randomBytes(3).toString("hex");
let alice: { id: string; email: string };
let bob: { id: string; email: string };

beforeAll(async () => {
  alice = await db().user.create({
    data: { email: `api-alice-${tag}@example.com` },
    select: { id: true, email: true },
  });
  bob = await db().user.create({ data: { email: `api-bob-${tag}@example.com` }, select: { id: true, email: true } });
});
afterAll(async () => {
  as(null);
  await db().user.deleteMany({ where: { id: { in: [alice.id, bob.id] } } });
});

async function aliceProject(name = "Alice's assistant") {
  as(alice);
  const res = await call(projectsRoute.POST, "POST", "/api/projects", {}, { name, input: PROFILES.earlyPrototype });
  expect(res.status).toBe(201);
  return ((await res.json()) as { project: { id: string; version: number } }).project;
}

describe("project API routes", () => {
  it("let the owner create, read, save a revision, rename, duplicate and delete", async () => {
    const p = await aliceProject();
    const read = await call(projectRoute.GET, "GET", `/api/projects/${p.id}`, { id: p.id });
    expect(read.status).toBe(200);
    const body = (await read.json()) as {
      project: { name: string };
      revisions: unknown[];
      latest: { recommendation: string };
    };
    expect(body.project.name).toBe("Alice's assistant");
    expect(body.revisions).toHaveLength(1);

    const saved = await call(
      revisionsRoute.POST,
      "POST",
      `/api/projects/${p.id}/revisions`,
      { id: p.id },
      { input: PROFILES.hospitalPatientData, expectedVersion: 1 },
    );
    expect(saved.status).toBe(201);
    expect(await saved.json()).toMatchObject({ revision: { number: 2, recommendation: hospital }, version: 2 });

    const history = await call(revisionsRoute.GET, "GET", `/api/projects/${p.id}/revisions`, { id: p.id });
    expect(((await history.json()) as { revisions: { number: number }[] }).revisions.map((r) => r.number)).toEqual([
      2, 1,
    ]);
    const first = await call(revisionRoute.GET, "GET", `/api/projects/${p.id}/revisions/1`, { id: p.id, number: "1" });
    expect(await first.json()).toMatchObject({
      revision: {
        number: 1,
        recommendation: early,
        input: { volume: PROFILES.earlyPrototype.volume },
        evaluation: { recommendation: early },
      },
    });
    expect(
      (await call(revisionRoute.GET, "GET", `/api/projects/${p.id}/revisions/9`, { id: p.id, number: "9" })).status,
    ).toBe(404);
    expect(
      (await call(revisionRoute.GET, "GET", `/api/projects/${p.id}/revisions/x`, { id: p.id, number: "x" })).status,
    ).toBe(400);

    const renamed = await call(
      projectRoute.PATCH,
      "PATCH",
      `/api/projects/${p.id}`,
      { id: p.id },
      { name: "  Clinical notes  " },
    );
    expect(await renamed.json()).toMatchObject({ project: { name: "Clinical notes" } });

    const copy = await call(duplicateRoute.POST, "POST", `/api/projects/${p.id}/duplicate`, { id: p.id });
    expect(copy.status).toBe(201);
    const list = await call(projectsRoute.GET, "GET", "/api/projects?q=clinical&sort=name");
    const names = ((await list.json()) as { projects: { name: string }[] }).projects.map((x) => x.name);
    expect(names).toEqual(["Clinical notes", "Clinical notes (copy)"]);

    expect((await call(projectRoute.DELETE, "DELETE", `/api/projects/${p.id}`, { id: p.id })).status).toBe(204);
    expect((await call(projectRoute.GET, "GET", `/api/projects/${p.id}`, { id: p.id })).status).toBe(404);
  });

  it("never trust a verdict sent by the client: it is recomputed on the server", async () => {
    as(alice);
    const res = await call(
      projectsRoute.POST,
      "POST",
      "/api/projects",
      {},
      {
        name: "Forged",
        input: PROFILES.earlyPrototype,
        recommendation: "self-hosted",
        evaluation: { recommendation: "self-hosted" },
      },
    );
    expect(res.status).toBe(201);
    const { project } = (await res.json()) as { project: { id: string } };
    const stored = await db().revision.findFirstOrThrow({ where: { projectId: project.id } });
    expect(early).not.toBe("self-hosted");
    expect(stored.recommendation).toBe(early);
  });

  it("answer 409 with a clear message to a stale tab, and keep both earlier saves", async () => {
    const p = await aliceProject("Two tabs");
    const path = `/api/projects/${p.id}/revisions`;
    expect(
      (
        await call(
          revisionsRoute.POST,
          "POST",
          path,
          { id: p.id },
          { input: PROFILES.hospitalPatientData, expectedVersion: 1 },
        )
      ).status,
    ).toBe(201);
    const stale = await call(
      revisionsRoute.POST,
      "POST",
      path,
      { id: p.id },
      { input: PROFILES.earlyPrototype, expectedVersion: 1 },
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: "conflict",
      message: expect.stringContaining("saved elsewhere"),
    });
    expect(await db().revision.count({ where: { projectId: p.id } })).toBe(2);
  });

  it("reject invalid input with 400 and the zod issues", async () => {
    const p = await aliceProject("Validation");
    const res = await call(
      revisionsRoute.POST,
      "POST",
      `/api/projects/${p.id}/revisions`,
      { id: p.id },
      { input: { volume: { requestsPerDay: -1 } }, expectedVersion: 0 },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toBe("invalid_input");
    expect(body.issues.map((i) => i.path)).toContain("expectedVersion");
    const blank = await call(projectRoute.PATCH, "PATCH", `/api/projects/${p.id}`, { id: p.id }, { name: "   " });
    expect(blank.status).toBe(400);
  });

  it("answer 404 to another user on every route, and 401 to nobody, changing nothing", async () => {
    const p = await aliceProject("Private");
    as(alice);
    const link = await call(shareLinksRoute.POST, "POST", `/api/projects/${p.id}/share-links`, { id: p.id }, {});
    expect(link.status).toBe(201);
    const linkId = ((await link.json()) as { link: { id: string } }).link.id;

    const id = { id: p.id };
    const all = () =>
      [
        ["GET project", () => call(projectRoute.GET, "GET", `/api/projects/${p.id}`, id)],
        ["PATCH project", () => call(projectRoute.PATCH, "PATCH", `/api/projects/${p.id}`, id, { name: "Mine now" })],
        ["DELETE project", () => call(projectRoute.DELETE, "DELETE", `/api/projects/${p.id}`, id)],
        ["POST duplicate", () => call(duplicateRoute.POST, "POST", `/api/projects/${p.id}/duplicate`, id)],
        [
          "POST revision",
          () =>
            call(revisionsRoute.POST, "POST", `/api/projects/${p.id}/revisions`, id, {
              input: PROFILES.hospitalPatientData,
              expectedVersion: 1,
            }),
        ],
        ["GET revisions", () => call(revisionsRoute.GET, "GET", `/api/projects/${p.id}/revisions`, id)],
        [
          "GET revision",
          () => call(revisionRoute.GET, "GET", `/api/projects/${p.id}/revisions/1`, { id: p.id, number: "1" }),
        ],
        [
          "GET revision pdf",
          () => call(revisionPdfRoute.GET, "GET", `/api/projects/${p.id}/revisions/1/pdf`, { id: p.id, number: "1" }),
        ],
        ["GET share links", () => call(shareLinksRoute.GET, "GET", `/api/projects/${p.id}/share-links`, id)],
        [
          "POST share link",
          () => call(shareLinksRoute.POST, "POST", `/api/projects/${p.id}/share-links`, id, { expiresInDays: 7 }),
        ],
        [
          "PATCH share link",
          () => call(shareLinkRoute.PATCH, "PATCH", `/api/share-links/${linkId}`, { id: linkId }, { revoke: true }),
        ],
      ] as const;

    as(bob);
    for (const [name, run] of all()) expect((await run()).status, `bob: ${name}`).toBe(404);
    const bobs = await call(projectsRoute.GET, "GET", "/api/projects");
    expect(((await bobs.json()) as { projects: { id: string }[] }).projects.map((x) => x.id)).not.toContain(p.id);

    as(null);
    for (const [name, run] of all()) expect((await run()).status, `anonymous: ${name}`).toBe(401);
    expect((await call(projectsRoute.GET, "GET", "/api/projects")).status).toBe(401);
    expect(
      (await call(projectsRoute.POST, "POST", "/api/projects", {}, { name: "x", input: PROFILES.earlyPrototype }))
        .status,
    ).toBe(401);

    // Untouched: same name, one revision, version 1, the link still active.
    const after = await db().project.findUniqueOrThrow({
      where: { id: p.id },
      include: { revisions: true, shareLinks: true },
    });
    expect(after).toMatchObject({ name: "Private", version: 1 });
    expect(after.revisions).toHaveLength(1);
    expect(after.shareLinks.map((l) => l.revokedAt)).toEqual([null]);
    expect(await db().project.count({ where: { ownerId: bob.id } })).toBe(0);
  });
});
