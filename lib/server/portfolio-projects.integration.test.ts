import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessmentInputSchema,
  evaluate,
  evaluatePortfolio,
  portfolioInputSchema,
  type AssessmentInput,
} from "@/lib/engine";
import { asPlan, diffPortfolios } from "@/lib/projects/diff";
import { createProjectSchema } from "@/lib/projects/schemas";
import { PROFILES } from "@/test/fixtures/profiles";
import { db } from "./db";
import {
  createProject,
  duplicateProject,
  getOwnedProject,
  getRevision,
  latestRevision,
  listProjects,
  listRevisions,
  recomputeWithToday,
  saveRevision,
} from "./projects";
import { createShareLink, resolveShareToken } from "./share-links";

// Portfolio projects (issue #12) and versioned stored revisions (issue #15.5), against PostgreSQL.
const tag = crypto.randomBytes(3).toString("hex");
const w = (id: string, name: string, p: AssessmentInput) => ({
  id,
  name,
  volume: p.volume,
  data: p.data,
  latency: p.latency,
  capability: p.capability,
});
const portfolio = portfolioInputSchema.parse({
  workloads: [
    w("claims", "Claims documents", PROFILES.hospitalPatientData),
    w("assistant", "Staff assistant", PROFILES.earlyPrototype),
    w("code", "Code completion", PROFILES.sub100msCodeCompletion),
  ],
  team: { mlOpsMaturity: "experienced" },
});
const revised = portfolioInputSchema.parse({
  ...portfolio,
  workloads: [
    ...portfolio.workloads.slice(0, 2),
    { ...portfolio.workloads[2]!, volume: { ...portfolio.workloads[2]!.volume, requestsPerDay: 2_000_000 } },
  ],
});
let owner: { id: string };

beforeAll(async () => {
  owner = await db().user.create({ data: { email: `portfolio-${tag}@example.com` } });
});
afterAll(async () => {
  await db().user.deleteMany({ where: { id: owner.id } });
});

describe("portfolio projects", () => {
  it("save a portfolio as a project, revise it and compare per-workload placements", async () => {
    const body = createProjectSchema.parse({ name: "Hospital group", input: portfolio });
    const p = await createProject(owner.id, body.name, body.input);
    const r1 = await getRevision(owner.id, p.id, 1);
    expect(r1.kind).toBe("portfolio");
    expect(r1.recommendation).toBe("portfolio");
    expect((await listProjects(owner.id)).find((x) => x.id === p.id)?.latestRecommendation).toBe("portfolio");
    if (r1.kind !== "portfolio") throw new Error("unreachable");
    // Computed on the server, exactly as the engine does.
    expect(r1.evaluation).toEqual(JSON.parse(JSON.stringify(evaluatePortfolio(portfolio))));

    const { version } = await saveRevision(owner.id, p.id, revised, 1);
    expect(version).toBe(2);
    expect((await listRevisions(owner.id, p.id)).map((r) => [r.number, r.kind])).toEqual([
      [2, "portfolio"],
      [1, "portfolio"],
    ]);
    const r2 = await getRevision(owner.id, p.id, 2);
    const diff = diffPortfolios(asPlan(r1), asPlan(r2));
    expect(diff.placements.map((x) => x.id)).toEqual(["claims", "assistant", "code"]);
    const expected = evaluatePortfolio(revised);
    expect(diff.placements.map((x) => x.after)).toEqual(expected.workloads.map((x) => x.placement));
    expect(diff.plan.tcoAfter).toBeGreaterThan(diff.plan.tcoBefore);
    expect(recomputeWithToday(await latestRevision(owner.id, p.id))).toEqual({ kind: "unchanged" });

    const copy = await duplicateProject(owner.id, p.id);
    expect((await getRevision(owner.id, copy.id, 1)).kind).toBe("portfolio");
  });

  it("share a portfolio revision: the link resolves through the same mapper", async () => {
    const p = await createProject(owner.id, "Shared plan", portfolio);
    const { token, link } = await createShareLink({ ownerId: owner.id, projectId: p.id });
    expect(typeof link.createdAt).toBe("string");
    const shared = await resolveShareToken(token);
    expect(shared.status).toBe("active");
    if (shared.status !== "active") return;
    expect(shared.revision.kind).toBe("portfolio");
    expect(shared.revision.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("open a single-workload revision saved in the old shape (before versioning) and compare it with a portfolio revision", async () => {
    const single = assessmentInputSchema.parse(PROFILES.hospitalPatientData);
    const p = await createProject(owner.id, "Saved long ago", single);
    // Rewrite the row as the code before versioning stored it: no kind/shape columns set, the Evaluation of its day.
    const old = JSON.parse(JSON.stringify(evaluate(single)));
    delete old.costPremiumUsd;
    delete old.whatWouldChange;
    delete old.economics;
    await db()
      .$executeRaw`UPDATE "Revision" SET "kind" = DEFAULT, "shapeVersion" = DEFAULT, "evaluation" = ${JSON.stringify(old)}::jsonb WHERE "projectId" = ${p.id}`;
    const r1 = await getRevision(owner.id, p.id, 1);
    expect(r1.storedShapeVersion).toBe(1);
    expect(r1.kind).toBe("assessment");
    expect(r1.notRecorded).toEqual(["whatWouldChange", "economics"]);
    if (r1.kind !== "assessment") throw new Error("unreachable");
    expect(r1.evaluation.whatWouldChange).toEqual([]);
    // Today's engine recomputes it without crashing, and says what moved.
    expect(["unchanged", "moved"]).toContain(recomputeWithToday(r1).kind);
    // It revises into a portfolio; compare treats the old revision as a one-workload plan.
    const project = await getOwnedProject(owner.id, p.id);
    await saveRevision(
      owner.id,
      p.id,
      {
        ...portfolio,
        workloads: [{ ...w("w1", "Workload 1", PROFILES.hospitalPatientData) }, portfolio.workloads[1]!],
      } as never,
      project.version,
    );
    const r2 = await getRevision(owner.id, p.id, 2);
    const diff = diffPortfolios(asPlan(r1), asPlan(r2));
    expect(diff.placements.map((x) => [x.id, x.before === null])).toEqual([
      ["w1", false],
      ["assistant", true],
    ]);
  });

  it("reject a portfolio with a bad workload at its exact path", () => {
    const bad = {
      ...portfolio,
      workloads: [
        portfolio.workloads[0],
        portfolio.workloads[1],
        { ...portfolio.workloads[2]!, latency: { p95TargetMs: -1 } },
      ],
    };
    const r = createProjectSchema.safeParse({ name: "x", input: bad });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("input.workloads.2.latency.p95TargetMs");
  });
});
