import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS } from "@/lib/share/schemas";
import { db } from "./db";
import { HttpError } from "./http-errors";
import {
  createShareLink,
  generateShareToken,
  hashShareToken,
  listShareLinks,
  resolveShareToken,
  updateShareLink,
} from "./share-links";

const tag = crypto.randomBytes(3).toString("hex");
let owner: { id: string };
let stranger: { id: string };
let project: { id: string };
let firstRevision: { id: string };

async function addRevision(projectId: string, number: number, recommendation: string) {
  return db().revision.create({
    data: {
      projectId,
      number,
      input: { n: number },
      evaluation: { recommendation },
      catalogVersion: "test",
      recommendation,
    },
  });
}

beforeAll(async () => {
  owner = await db().user.create({ data: { email: `owner-${tag}@example.com` } });
  stranger = await db().user.create({ data: { email: `stranger-${tag}@example.com` } });
  project = await db().project.create({
    data: { ownerId: owner.id, name: "Board pack", latestRecommendation: "api", latestCatalogVersion: "test" },
  });
  firstRevision = await addRevision(project.id, 1, "api");
});

afterAll(async () => {
  await db().user.deleteMany({ where: { id: { in: [owner.id, stranger.id] } } });
});

const expectNotFound = async (p: Promise<unknown>) => {
  await expect(p).rejects.toBeInstanceOf(HttpError);
  await expect(p).rejects.toMatchObject({ status: 404 });
};

describe("share tokens", () => {
  it("are 256-bit, URL-safe and never repeat", () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateShareToken));
    expect(tokens.size).toBe(2000);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/); // 43 base64url chars = 32 bytes
      expect(Buffer.from(t, "base64url").length).toBe(32);
    }
  });

  it("stores only the hash of the token", async () => {
    const { token, link } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    const row = await db().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });
});

describe("share links", () => {
  it("show the revision they were created for, not later edits", async () => {
    const { token } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    await addRevision(project.id, 2, "self-hosted");
    const resolved = await resolveShareToken(token);
    expect(resolved.status).toBe("active");
    if (resolved.status !== "active") return;
    expect(resolved.revision.id).toBe(firstRevision.id);
    // Stored in the first shape by this fixture; the one mapper upgrades it on read.
    expect(resolved.revision.evaluation).toMatchObject({ recommendation: "api" });
    expect(resolved.projectName).toBe("Board pack");
    expect(JSON.stringify(resolved)).not.toContain(`owner-${tag}`);
  });

  it("default to the latest revision when none is named", async () => {
    const { token } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    const resolved = await resolveShareToken(token);
    expect(resolved.status === "active" && resolved.revision.number).toBe(2);
  });

  it("stop working once revoked", async () => {
    const { token, link } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    expect((await resolveShareToken(token)).status).toBe("active");
    const revoked = await updateShareLink(owner.id, link.id, { revoke: true });
    expect(revoked.status).toBe("revoked");
    expect(await resolveShareToken(token)).toEqual({ status: "revoked" });
  });

  it("stop working after their expiry", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const { token } = await createShareLink(
      {
        ownerId: owner.id,
        projectId: project.id,
        expiresAt: new Date("2026-11-30T00:00:00Z"),
      },
      now,
    );
    expect((await resolveShareToken(token, now)).status).toBe("active");
    expect(await resolveShareToken(token, new Date("2026-12-01T00:00:00Z"))).toEqual({ status: "expired" });
  });

  it("answer not_found for unknown or malformed tokens", async () => {
    expect(await resolveShareToken(generateShareToken())).toEqual({ status: "not_found" });
    expect(await resolveShareToken("../etc/passwd")).toEqual({ status: "not_found" });
  });

  it("cannot be created, listed or changed by anyone but the owner", async () => {
    await expectNotFound(createShareLink({ ownerId: stranger.id, projectId: project.id }));
    await expectNotFound(createShareLink({ ownerId: owner.id, projectId: project.id, revisionId: "nope" }));
    await expectNotFound(listShareLinks(stranger.id, project.id));
    const { link } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    await expectNotFound(updateShareLink(stranger.id, link.id, { revoke: true }));
    const mine = await listShareLinks(owner.id, project.id);
    expect(mine.find((l) => l.id === link.id)?.status).toBe("active");
  });

  it("are deleted with their project", async () => {
    const doomed = await db().project.create({
      data: { ownerId: owner.id, name: "Doomed", latestRecommendation: "api", latestCatalogVersion: "test" },
    });
    await addRevision(doomed.id, 1, "api");
    const { token } = await createShareLink({ ownerId: owner.id, projectId: doomed.id });
    await db().project.delete({ where: { id: doomed.id } });
    expect(await resolveShareToken(token)).toEqual({ status: "not_found" });
    expect(await db().revision.count({ where: { projectId: doomed.id } })).toBe(0);
  });
});

describe("changing a share link's expiry (finding 10 of #14)", () => {
  const DAY = 86_400_000;
  const now = new Date();

  it("refuses an expiry beyond the 365 days creation allows, or in the past", async () => {
    const { link } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    await expect(
      updateShareLink(owner.id, link.id, { expiresAt: new Date("9999-12-31T00:00:00Z") }, now),
    ).rejects.toMatchObject({
      status: 400,
      code: "invalid_input",
      issues: [{ path: "expiresAt" }],
    });
    await expect(
      updateShareLink(owner.id, link.id, { expiresAt: new Date(now.getTime() + 366 * DAY) }, now),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      updateShareLink(owner.id, link.id, { expiresAt: new Date(now.getTime() - DAY) }, now),
    ).rejects.toMatchObject({ status: 400 });
    const ok = await updateShareLink(owner.id, link.id, { expiresAt: new Date(now.getTime() + 30 * DAY) }, now);
    expect(ok.status).toBe("active");
  });

  it("never reactivates an expired or revoked link (a new link is a new decision)", async () => {
    // Created a week ago for a day: expired now.
    const { token, link } = await createShareLink(
      { ownerId: owner.id, projectId: project.id, expiresAt: new Date(now.getTime() - 6 * DAY) },
      new Date(now.getTime() - 7 * DAY),
    );
    for (const expiresAt of [new Date(now.getTime() + 7 * DAY), null]) {
      await expect(updateShareLink(owner.id, link.id, { expiresAt }, now)).rejects.toMatchObject({
        status: 409,
        code: "conflict",
      });
    }
    expect(await resolveShareToken(token, now)).toEqual({ status: "expired" });
    const revoked = await createShareLink({ ownerId: owner.id, projectId: project.id });
    await updateShareLink(owner.id, revoked.link.id, { revoke: true }, now);
    await expect(updateShareLink(owner.id, revoked.link.id, { expiresAt: null }, now)).rejects.toMatchObject({
      status: 409,
    });
    expect(await resolveShareToken(revoked.token, now)).toEqual({ status: "revoked" });
  });
});

// Issue #25: a link created without an expiry worked forever while an edit was capped at 365 days.
describe("every share link expires: one rule for creation and edits", () => {
  const DAY = 86_400_000;

  it("a link asked for without an expiry expires after DEFAULT_SHARE_DAYS, and stops working then", async () => {
    const now = new Date();
    const { token, link } = await createShareLink({ ownerId: owner.id, projectId: project.id }, now);
    expect(new Date(link.expiresAt!).getTime()).toBe(now.getTime() + DEFAULT_SHARE_DAYS * DAY);
    expect(DEFAULT_SHARE_DAYS).toBeLessThanOrEqual(MAX_SHARE_DAYS);
    expect((await resolveShareToken(token, new Date(now.getTime() + (DEFAULT_SHARE_DAYS - 1) * DAY))).status).toBe(
      "active",
    );
    expect(await resolveShareToken(token, new Date(now.getTime() + DEFAULT_SHARE_DAYS * DAY + 1))).toEqual({
      status: "expired",
    });
  });

  it("creation refuses what an edit refuses (beyond MAX_SHARE_DAYS, or in the past)", async () => {
    const now = new Date();
    for (const expiresAt of [new Date(now.getTime() + (MAX_SHARE_DAYS + 1) * DAY), new Date(now.getTime() - DAY)]) {
      await expect(createShareLink({ ownerId: owner.id, projectId: project.id, expiresAt }, now)).rejects.toMatchObject(
        { status: 400, issues: [{ path: "expiresAt" }] },
      );
    }
  });

  it("clearing a link's expiry sets the default from now, never 'no expiry'", async () => {
    const now = new Date();
    const { link } = await createShareLink(
      { ownerId: owner.id, projectId: project.id, expiresAt: new Date(now.getTime() + 7 * DAY) },
      now,
    );
    const cleared = await updateShareLink(owner.id, link.id, { expiresAt: null }, now);
    expect(new Date(cleared.expiresAt!).getTime()).toBe(now.getTime() + DEFAULT_SHARE_DAYS * DAY);
  });

  it("a link stored without an expiry (before this rule) expires DEFAULT_SHARE_DAYS after it was created", async () => {
    const { token, link } = await createShareLink({ ownerId: owner.id, projectId: project.id });
    const createdAt = new Date(Date.now() - (DEFAULT_SHARE_DAYS + 1) * DAY);
    await db().shareLink.update({ where: { id: link.id }, data: { expiresAt: null, createdAt } });
    expect(await resolveShareToken(token)).toEqual({ status: "expired" });
    const listed = (await listShareLinks(owner.id, project.id)).find((l) => l.id === link.id)!;
    expect(listed).toMatchObject({
      status: "expired",
      expiresAt: new Date(createdAt.getTime() + DEFAULT_SHARE_DAYS * DAY).toISOString(),
    });
  });
});
