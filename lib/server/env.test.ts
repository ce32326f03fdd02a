import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

// #15.2 and finding 10 of #14: empty strings are unset (`ENABLE_DEV_OUTBOX=` as .env.example
// ships it used to make env() throw), and production refuses to start without AUTH_SECRET,
// AUTH_URL, or a way to send mail.

const PROD = {
  NODE_ENV: "production",
  AUTH_SECRET: "s".repeat(32),
  AUTH_URL: "https://rentorown.example.com",
  SMTP_URL: "smtp://mail:587",
  DATABASE_URL: "postgresql://app@db.internal:5432/rentorown",
} as const;

describe("parseEnv", () => {
  it("treats empty strings as unset, as .env.example ships them", () => {
    const e = parseEnv({
      NODE_ENV: "development",
      ENABLE_DEV_OUTBOX: "",
      AUTH_URL: "",
      DATABASE_URL: "",
      REDIS_URL: " ",
      PDF_CONCURRENCY: "",
    });
    expect(e.ENABLE_DEV_OUTBOX).toBeUndefined();
    expect(e.AUTH_URL).toBeUndefined();
    expect(e.REDIS_URL).toBeUndefined();
    expect(e.PDF_CONCURRENCY).toBeGreaterThanOrEqual(1);
  });

  it("starts in production with the required variables", () => {
    expect(parseEnv(PROD).AUTH_URL).toBe("https://rentorown.example.com");
  });

  it.each([
    ["AUTH_SECRET", /AUTH_SECRET: required in production/],
    ["AUTH_URL", /AUTH_URL: required in production/],
    ["SMTP_URL", /SMTP_URL: required in production/],
    // Issue #25: without it the server started and /api/ready answered 500.
    ["DATABASE_URL", /DATABASE_URL: required in production/],
  ] as const)("refuses production without %s, naming it", (name, message) => {
    expect(() => parseEnv({ ...PROD, [name]: "" })).toThrow(message);
  });

  it("accepts production without SMTP_URL only when the outbox is explicitly on for tests", () => {
    expect(
      parseEnv({ ...PROD, SMTP_URL: "", ENABLE_DEV_OUTBOX: "true", DEV_OUTBOX_TEST_ONLY: "true" }).ENABLE_DEV_OUTBOX,
    ).toBe(true);
  });

  // Issue #25 (High): ENABLE_DEV_OUTBOX alone made /dev/outbox, full of live sign-in links, public.
  it.each([
    ["without SMTP_URL", { SMTP_URL: "" }],
    ["with SMTP_URL", {}],
    ["with DEV_OUTBOX_TEST_ONLY=false", { DEV_OUTBOX_TEST_ONLY: "false" }],
  ])("refuses ENABLE_DEV_OUTBOX in production without DEV_OUTBOX_TEST_ONLY (%s), saying why", (_, extra) => {
    expect(() => parseEnv({ ...PROD, ENABLE_DEV_OUTBOX: "true", ...extra })).toThrow(
      /ENABLE_DEV_OUTBOX: refused under NODE_ENV=production.*sign in as anyone.*DEV_OUTBOX_TEST_ONLY=true.*INTERNAL_URL/,
    );
  });

  // Issue #25: AUTH_URL accepted ftp://.
  it.each(["ftp://rentorown.example.com", "javascript:alert(1)", "file:///etc/passwd"])(
    "refuses AUTH_URL and INTERNAL_URL %s: http or https only",
    (url) => {
      expect(() => parseEnv({ ...PROD, AUTH_URL: url })).toThrow(/AUTH_URL: must be an http:\/\/ or https:\/\/ URL/);
      expect(() => parseEnv({ ...PROD, INTERNAL_URL: url })).toThrow(
        /INTERNAL_URL: must be an http:\/\/ or https:\/\/ URL/,
      );
    },
  );

  it("TRUSTED_PROXY_HOPS: 1 unless set; 0 is kept (the socket address, lib/server/client-ip.ts)", () => {
    expect(parseEnv(PROD).TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ ...PROD, TRUSTED_PROXY_HOPS: "0" }).TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("skips the production requirements while building", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, { production: false })).not.toThrow();
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => parseEnv({ AUTH_URL: "not a url" })).toThrow(/AUTH_URL/);
    expect(() => parseEnv({ RATE_LIMIT_PDF_IP: "ten per minute" })).toThrow(/RATE_LIMIT_PDF_IP/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });

  it("parses limits as <requests>/<seconds> and switches them off", () => {
    const e = parseEnv({ RATE_LIMIT_SIGNIN_EMAIL: "3/60", RATE_LIMITS: "off" });
    expect(e.RATE_LIMIT_SIGNIN_EMAIL).toEqual({ points: 3, seconds: 60 });
    expect(e.RATE_LIMITS).toBe("off");
  });
});
