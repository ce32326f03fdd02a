import "server-only";
import { createTransport } from "nodemailer";
import { db } from "./db";
import { env } from "./env";
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
  await db().outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null } });
}

export function outboxEnabled(): boolean {
  const flag = env().ENABLE_DEV_OUTBOX;
  return flag ?? env().NODE_ENV !== "production";
}

export async function latestOutbox(to?: string, take = 20) {
  return db().outboxEmail.findMany({ where: to ? { to: to.toLowerCase() } : {}, orderBy: { createdAt: "desc" }, take });
}
