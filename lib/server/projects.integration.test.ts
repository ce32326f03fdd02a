import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentInputSchema, catalog, catalogVersion, evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { db } from "./db";
import { createShareLink } from "./share-links";
import {
  createProject,
  deleteProject,
  duplicateProject,
  getOwnedProject,
  getRevision,
  latestRevision,
  listProjects,
  listRevisions,
  recomputeWithToday,
  renameProject,
  saveRevision,
} from "./projects";

const tag = crypto.randomBytes(3).toString("hex");
const input = assessmentInputSchema.parse(PROFILES.earlyPrototype);
const revised = assessmentInputSchema.parse(PROFILES.hospitalPatientData);
// Verdicts the engine reaches today (never hard-coded: the catalog moves with the market).
const early = evaluate(input).recommendation;
const later = evaluate(revised).recommendation;
let alice: { id: string };
let bob: { id: string };

beforeAll(async () => {
  alice = await db().user.create({ data: { email: `alice-${tag}@example.com` } });
  bob = await db().user.create({ data: { email: `bob-${tag}@example.com` } });
});
afterAll(async () => {
  await db().user.deleteMany({ where: { id: { in: [alice.id, bob.id] } } });
});

const status = async (p: Promise<unknown>) => p.then(() => 200).catch((e: { status?: number }) => e.status ?? 500);

describe("projects", () => {
  it("are created with a first immutable revision computed on the server", async () => {
    const p = await createProject(alice.id, "Support bot", input);
    expect(p.version).toBe(1);
    const r = await getRevision(alice.id, p.id, 1);
    expect(r.recommendation).toBe(early);
    expect(r.catalogVersion).toBe(catalogVersion);
    expect(r.kind === "assessment" && r.evaluation.recommendation).toBe(early);
  });

  it("keep every revision and move the latest verdict forward", async () => {
    const p = await createProject(alice.id, "Clinical notes", input);
    const { version } = await saveRevision(alice.id, p.id, revised, 1);
    expect(version).toBe(2);
    const revisions = await listRevisions(alice.id, p.id);
    expect(revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(revisions.map((r) => r.recommendation)).toEqual([later, early]);
    expect((await getOwnedProject(alice.id, p.id)).latestRecommendation).toBe(later);
    // Revision 1 is untouched.
    expect((await getRevision(alice.id, p.id, 1)).input).toEqual(input);
  });

  it("refuse a stale save with 409 and lose nothing", async () => {
    const p = await createProject(alice.id, "Two tabs", input);
    await saveRevision(alice.id, p.id, revised, 1); // tab A
    const stale = saveRevision(alice.id, p.id, input, 1); // tab B, opened at version 1
    await expect(stale).rejects.toMatchObject({ status: 409, code: "conflict" });
    const revisions = await listRevisions(alice.id, p.id);
    expect(revisions).toHaveLength(2);
    expect(revisions[0]!.recommendation).toBe(later);
  });

  it("let only one of two concurrent saves from the same version win", async () => {
    const p = await createProject(alice.id, "Race", input);
    const results = await Promise.allSettled([
      saveRevision(alice.id, p.id, revised, 1),
      saveRevision(alice.id, p.id, revised, 1),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await listRevisions(alice.id, p.id)).toHaveLength(2);
  });

  it("answer 404 to another user for every read and write", async () => {
    const p = await createProject(alice.id, "Private", input);
    expect(await status(getOwnedProject(bob.id, p.id))).toBe(404);
    expect(await status(getRevision(bob.id, p.id, 1))).toBe(404);
    expect(await status(listRevisions(bob.id, p.id))).toBe(404);
    expect(await status(saveRevision(bob.id, p.id, revised, 1))).toBe(404);
    expect(await status(renameProject(bob.id, p.id, "Mine now"))).toBe(404);
    expect(await status(duplicateProject(bob.id, p.id))).toBe(404);
    expect(await status(deleteProject(bob.id, p.id))).toBe(404);
    expect(await status(createShareLink({ ownerId: bob.id, projectId: p.id }))).toBe(404);
    expect((await listProjects(bob.id)).map((x) => x.id)).not.toContain(p.id);
    expect((await getOwnedProject(alice.id, p.id)).name).toBe("Private");
  });

  it("fail closed when the owner id is missing (no filter is ever dropped)", async () => {
    await createProject(alice.id, "Leak test", input);
    await expect(db().project.findMany({ where: { ownerId: undefined as unknown as string } })).rejects.toThrow();
  });

  it("rename, duplicate, search and sort", async () => {
    const p = await createProject(alice.id, "zeta project", input);
    await renameProject(alice.id, p.id, "Zeta renamed");
    const copy = await duplicateProject(alice.id, p.id);
    expect(copy.name).toBe("Zeta renamed (copy)");
    expect((await getRevision(alice.id, copy.id, 1)).input).toEqual(input);
    const found = await listProjects(alice.id, { q: "zeta" });
    expect(found.map((x) => x.name).sort()).toEqual(["Zeta renamed", "Zeta renamed (copy)"]);
    const byName = await listProjects(alice.id, { sort: "name" });
    expect(byName.map((x) => x.name)).toEqual(
      [...byName.map((x) => x.name)].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || 0),
    );
    expect(found[0]!.catalogIsCurrent).toBe(true);
    // Search text is literal: SQL wildcards do not match everything.
    expect(await listProjects(alice.id, { q: "%" })).toEqual([]);
    expect(await listProjects(alice.id, { q: "_eta" })).toEqual([]);
    const odd = await createProject(alice.id, "100% on-prem_v2 \\ draft", input);
    expect((await listProjects(alice.id, { q: "0% on-prem_v2 \\" })).map((x) => x.id)).toEqual([odd.id]);
  });

  it("delete revisions and share links with the project, in one transaction", async () => {
    const p = await createProject(alice.id, "Doomed", input);
    await saveRevision(alice.id, p.id, revised, 1);
    await createShareLink({ ownerId: alice.id, projectId: p.id });
    await deleteProject(alice.id, p.id);
    expect(await db().revision.count({ where: { projectId: p.id } })).toBe(0);
    expect(await db().shareLink.count({ where: { projectId: p.id } })).toBe(0);
  });

  it("notice a latest revision computed on an older catalog, and say what today's catalog changes", async () => {
    // A workload on rented GPU-cloud capacity, so GPU-hour rates move its cost (owned hardware would not).
    const airGapped = assessmentInputSchema.parse(PROFILES.veryHighVolumeDedicatedTeam);
    const p = await createProject(alice.id, "Saved last year", airGapped);
    expect(recomputeWithToday(await latestRevision(alice.id, p.id))).toEqual({ kind: "unchanged" });
    // Rewrite the revision as an older catalog (GPU rates twice today's) would have computed it.
    const oldCatalog = structuredClone(catalog);
    oldCatalog.catalogVersion = "2025-11-01+0123456789";
    for (const [k, f] of Object.entries(oldCatalog.figures))
      if (/^gpuMarket\.[^.]+\.gpu-cloud\./.test(k))
        Object.assign(f, { value: f.value * 2, low: f.low * 2, high: f.high * 2 });
    const old = evaluate(airGapped, oldCatalog);
    await db().revision.updateMany({
      where: { projectId: p.id },
      data: { catalogVersion: old.catalogVersion, evaluation: JSON.parse(JSON.stringify(old)) },
    });
    await db().project.update({ where: { id: p.id }, data: { latestCatalogVersion: old.catalogVersion } });

    expect((await listProjects(alice.id)).find((x) => x.id === p.id)?.catalogIsCurrent).toBe(false);
    const todays = recomputeWithToday(await latestRevision(alice.id, p.id));
    expect(todays.kind).toBe("moved");
    if (todays.kind !== "moved") return;
    expect(todays.catalogChanged).toBe(true);
    expect(todays.diff.catalog).toEqual({ before: old.catalogVersion, after: catalogVersion, changed: true });
    const selfHosted = todays.diff.costs.find((c) => c.option === "self-hosted")!;
    expect(selfHosted.monthOneAfter).toBeLessThan(selfHosted.monthOneBefore);
    // The stored revision is untouched by the recomputation.
    expect((await getRevision(alice.id, p.id, 1)).catalogVersion).toBe(old.catalogVersion);
  });

  it("flag a revision whose stored answers today's schema rejects, instead of crashing the page", async () => {
    const p = await createProject(alice.id, "Old answers", input);
    await db().revision.updateMany({
      where: { projectId: p.id },
      data: { input: { volume: { requestsPerDay: "lots" } } },
    });
    expect(recomputeWithToday(await latestRevision(alice.id, p.id)).kind).toBe("incompatible");
  });
});
