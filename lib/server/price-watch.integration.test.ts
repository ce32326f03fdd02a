import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import { evaluate, type AssessmentInput } from "@/lib/engine";
import { catalog } from "@/lib/engine/catalog";
import { PROFILES } from "@/test/fixtures/profiles";

// The price watch on a real PostgreSQL with real pg-boss instances: two app instances starting on a
// new catalog enqueue one job between them and it runs once; a job enqueued before a restart is run
// by the instance that comes up after; the notice names the prices that moved, a move below the
// threshold leaves no notice, and the owner gets one digest e-mail (outbox) linking the compare view.

vi.stubEnv("PRICE_WATCH_CRON", "0 0 1 1 *"); // no scheduled run during the test
vi.stubEnv("AUTH_URL", "http://rentorown.test");

const tag = crypto.randomBytes(3).toString("hex");
const schema = `pgboss_test_${tag}`;
const OLD_CATALOG = "2025-11-01+0123456789";

let db: typeof import("./db").db;
let jobs: typeof import("./price-watch-jobs");
let watch: typeof import("./price-watch");
const bosses: PgBoss[] = [];

/** A project saved on an older catalog whose GPU rates were twice today's. */
async function staleProject(ownerId: string, name: string, input: AssessmentInput) {
  const old = structuredClone(catalog);
  old.catalogVersion = OLD_CATALOG;
  for (const [k, f] of Object.entries(old.figures))
    if (/^gpuMarket\.[^.]+\.gpu-cloud\./.test(k))
      Object.assign(f, { value: f.value * 2, low: f.low * 2, high: f.high * 2 });
  const { createProject } = await import("./projects");
  const project = await createProject(ownerId, name, input as never);
  const evaluation = evaluate(input, old);
  await db().revision.updateMany({
    where: { projectId: project.id },
    data: {
      catalogVersion: OLD_CATALOG,
      evaluation: JSON.parse(JSON.stringify(evaluation)),
      recommendation: evaluation.recommendation,
    },
  });
  await db().project.update({
    where: { id: project.id },
    data: { latestCatalogVersion: OLD_CATALOG, latestRecommendation: evaluation.recommendation },
  });
  return { project, before: evaluation };
}

async function until(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let owner: { id: string; email: string };

beforeAll(async () => {
  ({ db } = await import("./db"));
  jobs = await import("./price-watch-jobs");
  watch = await import("./price-watch");
  owner = await db().user.create({ data: { email: `watch-${tag}@example.com` }, select: { id: true, email: true } });
});

afterAll(async () => {
  for (const b of bosses) await b.stop({ graceful: false, wait: true }).catch(() => {});
  await db().$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  vi.unstubAllEnvs();
});

describe("price watch", () => {
  it("two instances on a new catalog: one job, run once; notices name the moved prices; one digest mail", async () => {
    const moved = await staleProject(owner.id, "Voice bot at scale", PROFILES.veryHighVolumeDedicatedTeam);
    const steady = await staleProject(owner.id, "Air-gapped plant", PROFILES.airGapped);
    const runs: number[] = [];
    const onRun = () => runs.push(Date.now());
    const a = await jobs.startPriceWatch({ schema, onRun, pollingIntervalSeconds: 0.5 });
    bosses.push(a);
    const b = await jobs.startPriceWatch({ schema, onRun, pollingIntervalSeconds: 0.5 });
    bosses.push(b);
    // Both enqueued on start; the second insert of the same id was a no-op.
    const id = jobs.jobIdForCatalog(catalog.catalogVersion);
    expect(await jobs.enqueueCatalogCheck(b)).toBeNull();
    await until(
      async () => (await a.getJobById(jobs.PRICE_WATCH_QUEUE, id))?.state === "completed",
      "the catalog job to complete",
    );
    expect(runs).toHaveLength(1);
    expect((await a.getJobById(jobs.PRICE_WATCH_QUEUE, id))?.retryCount).toBe(0);

    const notices = await db().priceNotice.findMany({ where: { project: { ownerId: owner.id } } });
    expect(notices.map((n) => n.projectId)).toEqual([moved.project.id]); // the air-gapped plant's TCO did not move
    const notice = notices[0]!;
    expect(notice).toMatchObject({
      catalogBefore: OLD_CATALOG,
      catalogAfter: catalog.catalogVersion,
      verdictBefore: moved.before.recommendation,
      revisionNumber: 1,
    });
    expect(notice.verdictAfter).toBe(evaluate(PROFILES.veryHighVolumeDedicatedTeam).recommendation);
    const movedPrices = notice.movedPrices as Array<{ key: string; before: number; after: number }>;
    expect(movedPrices.find((m) => m.key === "gpu.usdPerHour")).toMatchObject({
      before: expect.any(Number),
      after: expect.any(Number),
    });
    for (const m of movedPrices) expect(m.before).toBeCloseTo(m.after * 2, 6);
    expect((await db().project.findUniqueOrThrow({ where: { id: steady.project.id } })).priceCheckedCatalog).toBe(
      catalog.catalogVersion,
    );

    const mails = await db().outboxEmail.findMany({ where: { to: owner.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Prices moved for "Voice bot at scale"');
    expect(mails[0]!.text).toContain(`http://rentorown.test/projects/${moved.project.id}/compare?a=1&b=today`);
    expect(mails[0]!.text).toMatch(/GPU.*→/);
    expect(mails[0]!.html).toContain("Compare saved vs today");

    // The list shows it for the owner.
    const current = await watch.currentNotices(owner.id);
    expect([...current.keys()]).toEqual([moved.project.id]);
    expect(current.get(moved.project.id)?.compareUrl).toBe(`/projects/${moved.project.id}/compare?a=1&b=today`);

    // Running again (another schedule tick, a retry) changes nothing and mails nothing.
    expect(await watch.runPriceWatch()).toEqual({ checked: 0, noticed: 0, mailed: 0 });
    await a.stop({ graceful: true, wait: true });
    await b.stop({ graceful: true, wait: true });
  });

  it("a job enqueued before a restart is run by the instance that comes up", async () => {
    const { project } = await staleProject(owner.id, "Saved before the restart", PROFILES.veryHighVolumeDedicatedTeam);
    const enqueuer = await jobs.startPriceWatch({ schema, work: false });
    bosses.push(enqueuer);
    const id = await enqueuer.send(jobs.PRICE_WATCH_QUEUE, { reason: "manual" });
    expect(id).toBeTruthy();
    await enqueuer.stop({ graceful: true, wait: true });
    expect(await db().priceNotice.count({ where: { projectId: project.id } })).toBe(0);

    const runs: Array<{ noticed: number }> = [];
    const after = await jobs.startPriceWatch({ schema, onRun: (o) => runs.push(o), pollingIntervalSeconds: 0.5 });
    bosses.push(after);
    await until(
      async () => (await after.getJobById(jobs.PRICE_WATCH_QUEUE, id!))?.state === "completed",
      "the job from before the restart",
    );
    expect(runs).toEqual([expect.objectContaining({ noticed: 1, mailed: 1 })]);
    expect(await db().priceNotice.count({ where: { projectId: project.id } })).toBe(1);
    await after.stop({ graceful: true, wait: true });
  });
});
