import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { catalog, evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { completeAssessment } from "./helpers/assessment";
import { followMagicLink, newEmail, signIn } from "./helpers/auth";

test("sign up from an unsaved result, save, revise, compare; a stale tab gets a conflict; another user gets 404", async ({
  page,
  browser,
}) => {
  const email = newEmail("cto");
  // Anonymous: finish an assessment, then Save asks to sign in and keeps the answers.
  await completeAssessment(page, PROFILES.earlyPrototype);
  await page.getByRole("button", { name: "Save as project" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await followMagicLink(page, email);
  await expect(page).toHaveURL(/\/assess\/result\?a=.*save=1/);
  await expect(page.getByTestId("verdict")).toHaveText(evaluate(PROFILES.earlyPrototype).recommendationLabel);
  await page.getByLabel("Project name").fill("Support assistant");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/[\w-]+$/);
  const projectUrl = page.url();
  await expect(page.getByTestId("project-name")).toHaveText("Support assistant");
  await page.reload();
  await expect(page.getByTestId("revisions").locator("li")).toHaveCount(1);

  // Revise: change the volume and save a second revision.
  await page.getByRole("link", { name: "Revise answers" }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await page.getByRole("button", { name: "Edit Volume" }).click();
  await page.getByLabel("Requests per day").fill("90000");
  await page.getByRole("button", { name: "Next" }).click();
  for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "See the recommendation" }).click();
  await expect(page).toHaveURL(/\/assess\/result\?a=.*&project=.*&v=1$/);
  await expect(page.getByTestId("revising-banner")).toContainText("Revising “Support assistant”, revision 1");
  const staleTab = page.url();
  await page.getByRole("button", { name: "Save as new revision" }).click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByTestId("revisions").locator("li")).toHaveCount(2);

  // The same result opened before the save (version 1) is now stale: clear conflict, nothing overwritten.
  await page.goto(staleTab);
  await page.getByRole("button", { name: "Save as new revision" }).click();
  await expect(page.getByTestId("save-error")).toContainText("saved elsewhere");
  await page.goto(projectUrl);
  await expect(page.getByTestId("revisions").locator("li")).toHaveCount(2);

  // Compare the two revisions.
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "Revision 1 vs revision 2" })).toBeVisible();
  // Answers in the questionnaire's words, not raw keys; both revisions' costs on one chart.
  await expect(page.getByTestId("input-changes")).toContainText("Requests per day");
  await expect(page.getByTestId("input-changes")).not.toContainText("volume.requestsPerDay");
  await expect(page.getByTestId("input-changes")).toContainText("90,000");
  await expect(page.getByTestId("revision-tco-chart").getByTestId("revision-tco-row")).toHaveCount(4);
  await page.screenshot({ path: "e2e/output/screenshots/compare.png", fullPage: true });
  await page.goto(projectUrl);
  await page.screenshot({ path: "e2e/output/screenshots/project.png", fullPage: true });

  // Back in the stale tab, the user may deliberately add its answers on top: revision 3, revision 2 kept.
  await page.goto(staleTab);
  await page.getByRole("button", { name: "Save as new revision" }).click();
  await expect(page.getByTestId("save-error")).toContainText("saved elsewhere");
  await page.getByTestId("save-error").screenshot({ path: "e2e/output/screenshots/save-conflict.png" });
  await page.getByRole("button", { name: "Save my answers as the newest revision" }).click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByTestId("revisions").locator("li")).toHaveCount(3);

  // A second user cannot open it, by page or by API.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, newEmail("intruder"));
  const res = await otherPage.goto(projectUrl);
  expect(res?.status()).toBe(404);
  const projectId = projectUrl.split("/").pop()!;
  for (const [method, path] of [
    ["GET", `/api/projects/${projectId}`],
    ["PATCH", `/api/projects/${projectId}`],
    ["DELETE", `/api/projects/${projectId}`],
    ["POST", `/api/projects/${projectId}/duplicate`],
    ["GET", `/api/projects/${projectId}/share-links`],
    ["GET", `/api/projects/${projectId}/revisions/1/pdf`],
    ["POST", `/api/projects/${projectId}/revisions`],
    ["POST", `/api/projects/${projectId}/share-links`],
  ] as const) {
    const data =
      method === "PATCH"
        ? { name: "mine" }
        : path.endsWith("/revisions")
          ? { input: PROFILES.earlyPrototype, expectedVersion: 2 }
          : path.endsWith("/share-links")
            ? {}
            : undefined;
    const r = await otherPage.request.fetch(path, { method, data });
    expect(r.status(), `${method} ${path}`).toBe(404);
  }
  expect((await otherPage.goto(`${projectUrl}/revisions/1`))?.status()).toBe(404);
  expect((await otherPage.goto(`${projectUrl}/compare?a=1&b=2`))?.status()).toBe(404);
  await other.close();
  // Anonymous API callers are told to sign in.
  const anon = await browser.newContext();
  expect((await anon.request.get(`/api/projects/${projectId}`)).status()).toBe(401);
  expect((await anon.request.get(`/api/projects`)).status()).toBe(401);
  await anon.close();
});

test("a project saved on an older catalog says so and shows what today's prices change", async ({ page }) => {
  const email = newEmail("stale");
  await signIn(page, email);
  const create = await page.request.post("/api/projects", {
    data: { name: "Saved last year", input: PROFILES.airGapped },
  });
  expect(create.status()).toBe(201);
  const { project } = await create.json();
  // Rewrite the saved revision as the older catalog would have computed it (GPU rates twice today's).
  const oldCatalog = structuredClone(catalog);
  oldCatalog.catalogVersion = "2025-11-01+0123456789";
  for (const [k, f] of Object.entries(oldCatalog.figures))
    if (/^gpuMarket\.[^.]+\.gpu-cloud\./.test(k))
      Object.assign(f, { value: f.value * 2, low: f.low * 2, high: f.high * 2 });
  const old = evaluate(PROFILES.airGapped, oldCatalog);
  const port = process.env.E2E_PORT ?? "3100";
  const client = new pg.Client({ connectionString: fs.readFileSync(`e2e/output/e2e-db-url-${port}.txt`, "utf8") });
  await client.connect();
  await client.query(`UPDATE "Revision" SET "catalogVersion" = $1, evaluation = $2 WHERE "projectId" = $3`, [
    old.catalogVersion,
    JSON.stringify(old),
    project.id,
  ]);
  await client.query(`UPDATE "Project" SET "latestCatalogVersion" = $1 WHERE id = $2`, [
    old.catalogVersion,
    project.id,
  ]);
  await client.end();

  await page.goto("/projects");
  await expect(page.getByTestId("projects")).toContainText("Prices changed since saved");
  await page.getByRole("link", { name: "Saved last year" }).click();
  const notice = page.getByTestId("stale-catalog");
  await expect(notice).toContainText("Prices have changed since this was saved");
  await expect(notice).toContainText(catalog.catalogVersion);
  await expect(notice.getByTestId("evaluation-changes")).toContainText("Self-hosted");
  await notice.screenshot({ path: "e2e/output/screenshots/stale-catalog.png" });
});

test("my projects: search, sort, rename (optimistic), duplicate, delete with confirmation", async ({ page }) => {
  await signIn(page, newEmail("organiser"));
  for (const [name, profile] of [
    ["Clinical notes", PROFILES.hospitalPatientData],
    ["Support assistant", PROFILES.earlyPrototype],
  ] as const) {
    expect((await page.request.post("/api/projects", { data: { name, input: profile } })).status()).toBe(201);
  }
  await page.goto("/projects");
  const rows = page.getByTestId("projects").locator("li");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Support assistant"); // most recently updated first
  await expect(rows.filter({ hasText: "Clinical notes" })).toContainText("Self-hosted");
  await page.getByLabel("Sort by").selectOption("name");
  await expect(rows.first()).toContainText("Clinical notes");
  await expect(rows.last()).toContainText("Support assistant");
  await page.screenshot({ path: "e2e/output/screenshots/projects-list.png", fullPage: true });
  await page.getByLabel("Search").fill("support");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Search").fill("nothing like this");
  await expect(page.getByText("No project matches that search.")).toBeVisible();
  await page.getByLabel("Search").fill("");

  await page.getByRole("link", { name: "Support assistant" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("Support assistant");
  const url = page.url();

  // Rename: the new name shows at once and survives a reload.
  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Project name").fill("Support assistant (EU)");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("Support assistant (EU)");
  await page.reload();
  await expect(page.getByTestId("project-name")).toHaveText("Support assistant (EU)");

  // Duplicate opens the copy, with the latest revision as its first.
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("Support assistant (EU) (copy)");
  await expect(page).not.toHaveURL(url);
  await expect(page.getByTestId("revisions").locator("li")).toHaveCount(1);

  // Delete asks first; dismissing keeps the project.
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("project-name")).toBeVisible();
  page.once("dialog", (d) => {
    expect(d.message()).toContain("cannot be undone");
    void d.accept();
  });
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("projects")).not.toContainText("(copy)");
  const gone = await page.goto(url.replace(/[^/]+$/, "does-not-exist"));
  expect(gone?.status()).toBe(404);
});
