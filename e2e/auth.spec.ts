import { expect, test } from "@playwright/test";
import { newEmail, outboxUrl, signIn } from "./helpers/auth";

test("e-mail sign-in through the local outbox, one-time links, sign out, pages fail closed", async ({ page }) => {
  // Signed out: private pages send you to sign-in and come back afterwards.
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)projects$/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByText("the sign-in link lands in the local outbox")).toBeVisible();

  // A malformed address is refused on the page, with the field marked.
  await page.getByLabel("Work e-mail").fill("not-an-address");
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid e-mail address.");
  await expect(page.getByLabel("Work e-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Work e-mail")).toHaveValue("not-an-address");
  await page.screenshot({ path: "e2e/output/screenshots/signin.png", fullPage: true });

  const email = newEmail("auth");
  await signIn(page, email);
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByText("No saved projects yet.")).toBeVisible();

  // The outbox shows the mail; the link already used does not sign anyone in again.
  await page.goto(outboxUrl(email));
  await expect(page.getByTestId("outbox-mail")).toHaveCount(1);
  await expect(page.getByTestId("outbox-mail")).toContainText("Sign in to RentOrOwn");
  await page.screenshot({ path: "e2e/output/screenshots/outbox.png", fullPage: true });
  const usedLink = await page.getByRole("link", { name: "Open sign-in link" }).getAttribute("href");
  expect(usedLink).toBeTruthy();

  // Sign out (back on the public origin: the outbox is on the internal one): the session is gone on the server too.
  await page.goto("/projects");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect((await page.request.get("/api/projects")).status()).toBe(401);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin/);

  await page.goto(usedLink!);
  await expect(page).toHaveURL(/\/signin\?.*error=/);
  await expect(page.getByText("That sign-in link did not work")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("the sign-in page never redirects off-site after sign-in", async ({ page }) => {
  await signIn(page, newEmail("redirect"), "https://evil.example/steal");
  await expect(page).toHaveURL(/localhost:\d+\/projects$/);
});

test("asking the sign-in page again and again for one address is throttled with a clear message", async ({ page }) => {
  const email = newEmail("throttle");
  // RATE_LIMIT_SIGNIN_EMAIL defaults to 5 per 15 minutes; the 6th request is refused.
  for (let i = 0; i < 6; i++) {
    await page.goto("/signin");
    await page.getByLabel("Work e-mail").fill(email);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    if (i < 5) await expect(page.getByRole("heading", { name: /check your email/i })).toBeVisible();
  }
  await expect(page.getByTestId("signin-throttled")).toContainText("Too many sign-in e-mails");
  await page.screenshot({ path: "e2e/output/screenshots/signin-throttled.png" });
  // The last link sent still works.
  await page.goto(outboxUrl(email));
  await page.getByTestId("outbox-mail").first().getByRole("link", { name: "Open sign-in link" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
});
