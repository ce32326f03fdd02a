import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { exportPdf } from "./helpers/pdf";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { newEmail, signIn } from "./helpers/auth";

test("owner shares a revision read-only, a visitor sees it without signing in, revoking kills the link; PDFs export", async ({
  page,
  browser,
}) => {
  const email = newEmail("owner");
  await signIn(page, email);
  const create = await page.request.post("/api/projects", {
    data: { name: "Board pack Q4", input: PROFILES.sensitiveSliceHybrid },
  });
  const { project } = await create.json();
  await page.goto(`/projects/${project.id}`);

  // Links expire by default (a month); there is no "never" (issue 26 item 18).
  await expect(page.getByLabel("Expiry").locator("option:checked")).toHaveText("Expires in 30 days");
  await expect(page.getByLabel("Expiry").locator("option", { hasText: "Never" })).toHaveCount(0);
  await page.getByLabel("Expiry").selectOption({ label: "Expires in 30 days" });
  await page.getByRole("button", { name: "Create share link" }).click();
  const link = await page.getByLabel("New share link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("share-link-row")).toContainText("active");

  // The saved revision's PDF, named after the project and date.
  const pdfPath = "e2e/output/pdf/project.pdf";
  const { text, suggestedFilename } = await exportPdf(page, pdfPath);
  expect(suggestedFilename).toMatch(/^rentorown-board-pack-q4-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(text).toContain("Board pack Q4");
  expect(text).toContain(evaluate(PROFILES.sensitiveSliceHybrid).recommendationLabel);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", pdfPath, "e2e/output/pdf/project-page"]);

  // A visitor with no session.
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  const res = await v.goto(link);
  expect(res?.status()).toBe(200);
  await expect(v.getByTestId("shared-title")).toHaveText("Board pack Q4");
  await expect(v.getByTestId("verdict")).toHaveText(evaluate(PROFILES.sensitiveSliceHybrid).recommendationLabel);
  await v.getByTestId("charts").scrollIntoViewIfNeeded(); // charts load near the viewport
  await expect(v.getByTestId("chart-cost-vs-volume").locator("svg path.recharts-curve")).toHaveCount(4);
  await expect(v.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(v.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    `Board pack Q4: ${evaluate(PROFILES.sensitiveSliceHybrid).recommendationLabel}`,
  );
  expect(await v.content()).not.toContain(email);
  await expect(v.getByRole("button", { name: /Save|Rename|Delete|Revise/ })).toHaveCount(0);
  await v.screenshot({ path: "e2e/output/screenshots/shared.png", fullPage: false });
  const sharedPdf = await v.request.get(`${link}/pdf`);
  expect(sharedPdf.status()).toBe(200);
  expect(sharedPdf.headers()["content-type"]).toBe("application/pdf");

  // Later edits do not change what the link shows.
  const save = await page.request.post(`/api/projects/${project.id}/revisions`, {
    data: { input: PROFILES.earlyPrototype, expectedVersion: 1 },
  });
  expect(save.status()).toBe(201);
  await v.reload();
  await expect(v.getByTestId("verdict")).toHaveText(evaluate(PROFILES.sensitiveSliceHybrid).recommendationLabel);

  // Revoke: the link now fails with a clear page, never the content.
  await page.reload();
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("share-link-row").first().getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("share-link-row").first()).toContainText("revoked");
  const fresh = await browser.newContext();
  const f = await fresh.newPage();
  const gone = await f.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(f.getByRole("heading", { name: "This shared link is not available" })).toBeVisible();
  await expect(f.getByTestId("verdict")).toHaveCount(0);
  expect((await f.request.get(`${link}/pdf`)).status()).toBe(404);
  await visitor.close();
  await fresh.close();
});
