import "server-only";
import { createTransport } from "nodemailer";
import { db } from "./db";
import { env } from "./env";

// Outgoing mail: SMTP when SMTP_URL is set; otherwise the local outbox table, readable at
// /dev/outbox in development and tests, so sign-in works on a fresh machine with no mail server.

export type Mail = { to: string; subject: string; text: string; html?: string };

export async function sendMail(mail: Mail): Promise<void> {
  const smtp = env().SMTP_URL;
  if (smtp) {
    await createTransport(smtp).sendMail({ from: env().EMAIL_FROM, ...mail });
    return;
  }
  if (env().NODE_ENV === "production" && !outboxEnabled()) {
    console.warn(`[mail] no SMTP_URL configured: mail to ${mail.to} kept in the outbox table only`);
  }
  await db().outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null } });
}

export function outboxEnabled(): boolean {
  const flag = env().ENABLE_DEV_OUTBOX;
  return flag ?? env().NODE_ENV !== "production";
}

export async function latestOutbox(to?: string, take = 20) {
  return db().outboxEmail.findMany({ where: to ? { to: to.toLowerCase() } : {}, orderBy: { createdAt: "desc" }, take });
}
