import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { evaluate } from "@/lib/engine";
import { catalog } from "@/lib/engine/catalog";
import { PROFILES } from "@/test/fixtures/profiles";
import { expectAccessible } from "./helpers/a11y";
import { newEmail, signIn } from "./helpers/auth";

// Issue #24 price watch, through the real server: a project saved on an older catalog (GPU rates
// twice today's) is re-evaluated by the server's pg-boss worker when a job is enqueued; the
// projects list shows the notice with the prices that moved and a link to the compare view, and the
// owner's digest e-mail lands in the outbox.

test("a saved project whose verdict moved with today's prices gets a notice and a digest mail", async ({ page }) => {
  test.setTimeout(120_000);
  const email = newEmail("watch");
  await signIn(page, email);
  const create = await page.request.post("/api/projects", {
    data: { name: "Voice bot at scale", input: PROFILES.veryHighVolumeDedicatedTeam },
  });
  expect(create.status()).toBe(201);
  const { project } = (await create.json()) as { project: { id: string } };

  const old = structuredClone(catalog);
  old.catalogVersion = "2025-11-01+0123456789";
  for (const [k, f] of Object.entries(old.figures))
    if (/^gpuMarket\.[^.]+\.gpu-cloud\./.test(k))
      Object.assign(f, { value: f.value * 2, low: f.low * 2, high: f.high * 2 });
  const before = evaluate(PROFILES.veryHighVolumeDedicatedTeam, old);
  const url = fs.readFileSync(`e2e/output/e2e-db-url-${process.env.E2E_PORT ?? "3100"}.txt`, "utf8");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `UPDATE "Revision" SET "catalogVersion" = $1, evaluation = $2, recommendation = $3 WHERE "projectId" = $4`,
    [old.catalogVersion, JSON.stringify(before), before.recommendation, project.id],
  );
  await client.query(`UPDATE "Project" SET "latestCatalogVersion" = $1, "latestRecommendation" = $2 WHERE id = $3`, [
    old.catalogVersion,
    before.recommendation,
    project.id,
  ]);

  // What a schedule tick does: a job on the server's queue (the server's worker runs it).
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 1 });
  await boss.start();
  expect(await boss.send("price-watch", { reason: "manual" })).toBeTruthy();
  await boss.stop({ graceful: true, wait: true });

  await expect
    .poll(
      async () => {
        await page.goto("/projects");
        // The list loads after hydration: count once it is there.
        await expect(page.getByTestId("projects")).toContainText("Voice bot at scale");
        return page.getByTestId("price-notice").count();
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(1);
  const notice = page.getByTestId("price-notice");
  await expect(notice).toContainText("Price watch");
  await expect(notice).toContainText(`Verdict`);
  await expect(notice).toContainText("→");
  await expect(notice.getByRole("listitem").first()).toContainText(/GPU/);
  await expectAccessible(page, "/projects with a price notice");
  await page.getByTestId("projects").screenshot({ path: "e2e/output/screenshots/price-notice.png" });

  // The digest: one mail to the owner, naming the moved prices and linking the compare view.
  const mails = await client.query(
    `SELECT subject, text, html FROM "OutboxEmail" WHERE "to" = $1 AND subject LIKE 'Prices moved%'`,
    [email],
  );
  await client.end();
  expect(mails.rows).toHaveLength(1);
  const mail = mails.rows[0] as { subject: string; text: string; html: string };
  expect(mail.subject).toBe('Prices moved for "Voice bot at scale"');
  expect(mail.text).toContain(`/projects/${project.id}/compare?a=1&b=today`);
  const mailPage = await page.context().newPage();
  await mailPage.setContent(mail.html);
  await expect(mailPage.getByRole("link", { name: "Compare saved vs today" })).toHaveAttribute(
    "href",
    new RegExp(`/projects/${project.id}/compare\\?a=1&b=today$`),
  );
  await mailPage.screenshot({ path: "e2e/output/screenshots/price-digest-mail.png", fullPage: true });
  await mailPage.close();

  // The notice's link: the saved revision against today's prices.
  await notice.getByRole("link", { name: "Compare revision 1 with today's prices" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revision 1 vs today's prices");
  await expect(page.getByTestId("compared-revisions")).toContainText(catalog.catalogVersion);
  await expectAccessible(page, "compare with today");
});
