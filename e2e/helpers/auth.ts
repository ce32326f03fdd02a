import { expect, type Page } from "@playwright/test";
import crypto from "node:crypto";

export const newEmail = (who: string) => `${who}-${crypto.randomBytes(4).toString("hex")}@example.com`;

/** Completes an e-mail sign-in already started (the check-email page is showing) via the local outbox. */
export async function followMagicLink(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: /check your email/i })).toBeVisible();
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  await page.getByTestId("outbox-mail").first().getByRole("link", { name: "Open sign-in link" }).click();
}

/** Signs up / in with a fresh e-mail through the real magic-link flow. */
export async function signIn(page: Page, email: string, callbackUrl = "/projects") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await followMagicLink(page, email);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}
