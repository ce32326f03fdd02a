import { describe, expect, it } from "vitest";
import { createShareLinkSchema, MAX_SHARE_DAYS, updateShareLinkSchema } from "./schemas";

describe("share link schemas", () => {
  it.each([
    ["no expiry", {}, true],
    ["a week", { expiresInDays: 7 }, true],
    ["a pinned revision", { revisionId: "rev_1", expiresInDays: 30 }, true],
    ["zero days", { expiresInDays: 0 }, false],
    ["over the maximum", { expiresInDays: MAX_SHARE_DAYS + 1 }, false],
    ["fractional days", { expiresInDays: 1.5 }, false],
  ])("create: %s → valid=%s", (_label, input, valid) => {
    expect(createShareLinkSchema.safeParse(input).success).toBe(valid);
  });

  it.each([
    ["revoke", { revoke: true }, true],
    ["clear expiry", { expiresAt: null }, true],
    ["set expiry", { expiresAt: "2027-01-01T00:00:00Z" }, true],
    ["nothing", {}, false],
    ["un-revoke", { revoke: false }, false],
    ["not a date", { expiresAt: "tomorrow" }, false],
  ])("update: %s → valid=%s", (_label, input, valid) => {
    expect(updateShareLinkSchema.safeParse(input).success).toBe(valid);
  });
});
