import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "./db";
import { latestOutbox, sendMail } from "./mail";

// Sign-in mail must work on a fresh machine: with no SMTP_URL it lands in the OutboxEmail table
// that /dev/outbox shows, and that page is only on outside production unless explicitly enabled.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("mail without SMTP", () => {
  it("goes to the outbox table, newest first, found by recipient whatever the case", async () => {
    const to = `Outbox-${crypto.randomBytes(3).toString("hex")}@Example.com`.toLowerCase();
    await sendMail({ to, subject: "First", text: "one http://localhost/a" });
    await sendMail({ to, subject: "Second", text: "two http://localhost/b", html: "<p>two</p>" });
    const mails = await latestOutbox(to.toUpperCase());
    expect(mails.map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(mails[0]).toMatchObject({ to, html: "<p>two</p>" });
    expect(await latestOutbox(`nobody-${to}`)).toEqual([]);
    await db().outboxEmail.deleteMany({ where: { to } });
  });

  it.each([
    ["development", undefined, true],
    ["test", undefined, true],
    ["production", undefined, false],
    ["production", "true", true],
    ["development", "false", false],
    // `.env.example` ships `ENABLE_DEV_OUTBOX=`: empty means unset, not an invalid value.
    ["development", "", true],
  ] as const)("outbox page with NODE_ENV=%s ENABLE_DEV_OUTBOX=%s: %s", async (nodeEnv, flag, expected) => {
    vi.stubEnv("NODE_ENV", nodeEnv);
    vi.stubEnv("ENABLE_DEV_OUTBOX", flag);
    if (nodeEnv === "production") {
      // Production needs these to start at all (env.ts); with SMTP_URL the outbox stays off.
      vi.stubEnv("AUTH_SECRET", "x".repeat(32));
      vi.stubEnv("AUTH_URL", "https://rentorown.example.com");
      if (!flag) vi.stubEnv("SMTP_URL", "smtp://mail.example.com:587");
    }
    vi.resetModules(); // env() is read once per module instance
    const { outboxEnabled } = await import("./mail");
    expect(outboxEnabled()).toBe(expected);
  });
});
