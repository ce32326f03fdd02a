import { expect, type Page } from "@playwright/test";
import crypto from "node:crypto";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const INTERNAL_ORIGIN = `http://127.0.0.1:${process.env.E2E_INTERNAL_PORT ?? PORT + 10000}`;

/**
 * The local outbox for `email`. In the production build the page answers only requests made
 * straight to the server's internal address (scripts/e2e-server.mjs's INTERNAL_URL), never
 * through the public origin (issue #25): the sign-in links in it point back to AUTH_URL.
 */
export const outboxUrl = (email: string) => `${INTERNAL_ORIGIN}/dev/outbox?to=${encodeURIComponent(email)}`;

export const newEmail = (who: string) => `${who}-${crypto.randomBytes(4).toString("hex")}@example.com`;

/** Completes an e-mail sign-in already started (the check-email page is showing) via the local outbox. */
export async function followMagicLink(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: /check your email/i })).toBeVisible();
  await page.goto(outboxUrl(email));
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
