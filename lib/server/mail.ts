import "server-only";
import { createTransport } from "nodemailer";
import { db } from "./db";
import { env, internalOrigin } from "./env";
import { logger, maskEmail } from "./log";

// Outgoing mail: SMTP when SMTP_URL is set; otherwise the local outbox table, readable at
// /dev/outbox in development and tests, so sign-in works on a fresh machine with no mail server.

export type Mail = { to: string; subject: string; text: string; html?: string };

export async function sendMail(mail: Mail): Promise<void> {
  const smtp = env().SMTP_URL;
  if (smtp) {
    await createTransport(smtp).sendMail({ from: env().EMAIL_FROM, ...mail });
    return;
  }
  // Production without SMTP_URL refuses to start unless the outbox is explicitly enabled (env.ts);
  // this is the second lock: live sign-in links never sit in a table nobody reads.
  if (!outboxEnabled()) throw new Error("No SMTP_URL configured and the outbox is disabled: cannot send mail.");
  logger().info({ to: maskEmail(mail.to) }, "mail kept in the local outbox");
  await db().outboxEmail.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null },
  });
}

export function outboxEnabled(): boolean {
  const flag = env().ENABLE_DEV_OUTBOX;
  return flag ?? env().NODE_ENV !== "production";
}

/**
 * Whether /dev/outbox may answer this request. Outside production: whenever the outbox is on. In
 * production (only with ENABLE_DEV_OUTBOX and DEV_OUTBOX_TEST_ONLY, env.ts): only a request made
 * straight to INTERNAL_URL — Host is the internal address, no proxy said it forwarded the request
 * (X-Forwarded-Host, if any, is that same address; no Forwarded header) and the one X-Forwarded-For
 * entry, which Next.js fills in from the socket when none came, is a loopback address. A request
 * through AUTH_URL's proxy carries the public host or the client's address, and gets a 404.
 */
export function outboxPageAllowed(headers: Headers): boolean {
  if (!outboxEnabled()) return false;
  if (env().NODE_ENV !== "production") return true;
  const internal = new URL(internalOrigin()).host;
  const forwardedHost = headers.get("x-forwarded-host");
  const forwardedFor = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim());
  return (
    headers.get("host") === internal &&
    (forwardedHost === null || forwardedHost === internal) &&
    headers.get("forwarded") === null &&
    forwardedFor.length === 1 &&
    LOOPBACK.test(forwardedFor[0]!)
  );
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export async function latestOutbox(to?: string, take = 20) {
  return db().outboxEmail.findMany({ where: to ? { to: to.toLowerCase() } : {}, orderBy: { createdAt: "desc" }, take });
}
