import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { encodeAnswers, encodePortfolio } from "@/lib/assessment/url-encode";
import type { PortfolioInput } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { expectAccessible } from "./helpers/a11y";
import { newEmail, outboxUrl, signIn } from "./helpers/auth";

// axe-core on every page of the app (issue #24): each app/**/page.tsx is opened in a state that shows
// its real content (a result with its charts, a saved project with two revisions, a share link…) and
// must have no serious or critical violation. A new page fails the first test until it is listed here.

const PAGES = [
  "/",
  "/assess",
  "/assess/result",
  "/assess/portfolio",
  "/catalog",
  "/signin",
  "/check-email",
  "/dev/outbox",
  "/api-docs",
  "/projects",
  "/projects/[id]",
  "/projects/[id]/revisions/[number]",
  "/projects/[id]/compare",
  "/s/[token]",
  "/report/print",
  "/account",
];

function pageRoutes(dir = path.resolve("app"), prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "api" ? [] : pageRoutes(full, `${prefix}/${name}`);
    return name === "page.tsx" ? [prefix || "/"] : [];
  });
}

test("every page of the app is in the accessibility run", () => {
  expect(pageRoutes().sort()).toEqual([...PAGES].sort());
});

const portfolio = JSON.parse(readFileSync("examples/saas-company-portfolio.json", "utf8")) as PortfolioInput;

async function check(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  await page.goto(url);
  await ready(page);
  await expectAccessible(page, url, { soft: true });
}
const heading = (page: Page) => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();

test("public pages have no serious or critical axe violations", async ({ page }) => {
  test.setTimeout(240_000);
  await check(page, "/", heading);
  await check(page, "/assess", heading);
  await check(page, `/assess/result?a=${encodeAnswers(PROFILES.hospitalPatientData)}`, async (p) => {
    await heading(p);
    // The charts load lazily; check them drawn, with their text alternatives.
    await p.getByTestId("charts").scrollIntoViewIfNeeded();
    await expect(p.locator(".recharts-surface").first()).toBeVisible();
    // Each chart has its figures as a table (the text alternative), collapsed until asked for.
    await expect(p.getByTestId("chart-table")).toHaveCount(4);
    await p.getByTestId("chart-table").first().locator("summary").click();
    await expect(
      p.getByRole("region", { name: "Monthly cost vs daily token volume: figures" }).getByRole("rowheader").first(),
    ).toBeVisible();
  });
  await check(page, `/assess/portfolio?p=${encodePortfolio(portfolio)}`, heading);
  await check(page, "/catalog", heading);
  await check(page, "/signin", heading);
  await check(page, "/check-email", heading);
  await check(page, outboxUrl("nobody@example.com"), heading);
  await check(page, "/api-docs", async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("RentOrOwn public API");
    await expect(p.getByRole("rowheader", { name: "volume.requestsPerDay" }).first()).toBeVisible();
    await p.screenshot({ path: "e2e/output/screenshots/api-docs.png", fullPage: false });
  });
  await check(page, "/report/print", async () => {});
});

test("signed-in pages (projects, revisions, compare, share link) have no serious or critical axe violations", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, newEmail("a11y"));
  const created = await page.request.post("/api/projects", {
    data: { name: "Accessibility check", input: PROFILES.earlyPrototype },
  });
  expect(created.status()).toBe(201);
  const { project } = (await created.json()) as { project: { id: string } };
  expect(
    (
      await page.request.post(`/api/projects/${project.id}/revisions`, {
        data: { input: PROFILES.hospitalPatientData, expectedVersion: 1 },
      })
    ).status(),
  ).toBe(201);
  const share = await page.request.post(`/api/projects/${project.id}/share-links`, { data: {} });
  expect(share.status()).toBe(201);
  const { url: shareUrl } = (await share.json()) as { url: string };

  await check(page, "/projects", async (p) => expect(p.getByText("Accessibility check").first()).toBeVisible());
  await check(page, `/projects/${project.id}`, heading);
  await check(page, `/projects/${project.id}/revisions/1`, heading);
  await check(page, `/projects/${project.id}/compare?a=1&b=2`, heading);

  // The account page with a key just created (shown once) and one revoked.
  await page.goto("/account");
  for (const name of ["CI pipeline", "Old laptop"]) {
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByTestId("new-api-key")).toContainText(name);
  }
  const key = await page.getByTestId("new-api-key").getByRole("textbox").inputValue();
  expect(key).toMatch(/^roo_/);
  await page.getByRole("button", { name: "Revoke Old laptop" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "Old laptop" })).toContainText("revoked");
  const withKey = await page.request.post("/api/v1/evaluate", {
    data: PROFILES.earlyPrototype,
    headers: { "x-api-key": key },
  });
  expect(withKey.status()).toBe(401);
  await expectAccessible(page, "/account", { soft: true });
  await page.screenshot({ path: "e2e/output/screenshots/account-api-keys.png" });

  const visitor = await (await browser.newContext()).newPage();
  await check(visitor, new URL(shareUrl).pathname, heading);
});
