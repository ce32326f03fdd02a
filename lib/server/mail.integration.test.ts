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
    ["production", "true", true], // with DEV_OUTBOX_TEST_ONLY=true: production refuses it alone (env.test.ts)
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
      else vi.stubEnv("DEV_OUTBOX_TEST_ONLY", "true");
    }
    vi.resetModules(); // env() is read once per module instance
    const { outboxEnabled } = await import("./mail");
    expect(outboxEnabled()).toBe(expected);
  });
});

// Issue #25 (High): with the outbox on in a production build (tests only), the page must not be
// reachable through the public origin: an anonymous visitor asked for another address's sign-in
// link and opened it from /dev/outbox.
describe("who may open /dev/outbox", () => {
  const INTERNAL = "127.0.0.1:13100";
  // What Next.js hands the page: it fills X-Forwarded-Host/-For from Host and the socket when absent.
  const direct = { host: INTERNAL, "x-forwarded-host": INTERNAL, "x-forwarded-for": "127.0.0.1" };

  async function allowed(nodeEnv: "production" | "development", headers: Record<string, string>) {
    vi.stubEnv("NODE_ENV", nodeEnv);
    vi.stubEnv("ENABLE_DEV_OUTBOX", "true");
    vi.stubEnv("DEV_OUTBOX_TEST_ONLY", "true");
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("AUTH_URL", "http://localhost:3100");
    vi.stubEnv("INTERNAL_URL", `http://${INTERNAL}`);
    vi.resetModules();
    const { outboxPageAllowed } = await import("./mail");
    return outboxPageAllowed(new Headers(headers));
  }

  it("production: a request made straight to INTERNAL_URL from this machine", async () => {
    expect(await allowed("production", direct)).toBe(true);
    expect(await allowed("production", { ...direct, "x-forwarded-for": "::1" })).toBe(true);
  });

  it.each([
    ["through the proxy (public X-Forwarded-Host)", { ...direct, "x-forwarded-host": "localhost:3100" }],
    ["to the public Host", { ...direct, host: "localhost:3100", "x-forwarded-host": "localhost:3100" }],
    ["from another machine", { ...direct, "x-forwarded-for": "203.0.113.9" }],
    ["forwarded by a proxy that appended the client", { ...direct, "x-forwarded-for": "127.0.0.1, 203.0.113.9" }],
    ["with a Forwarded header", { ...direct, forwarded: "for=203.0.113.9" }],
    ["with no headers at all", {}],
  ])("production: refused %s", async (_, headers) => {
    expect(await allowed("production", headers)).toBe(false);
  });

  it("development: the outbox page is for whoever runs the app", async () => {
    expect(await allowed("development", { host: "localhost:3000", "x-forwarded-for": "192.168.1.4" })).toBe(true);
  });
});
