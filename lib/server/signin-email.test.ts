import { describe, expect, it } from "vitest";
import { HttpError } from "./http-errors";
import { normalizeSignInEmail, signInEmailOfBody, signInIdentifier } from "./signin-email";

// Issue #25: `email=decoy@x&email=victim@y` was limited on the first value while Auth.js mailed
// the last, so the victim got 5 more mails after the limit. The limit key and the mailed address
// now come from one rule, and a second field is refused.

const form = (s: string) => new TextEncoder().encode(s);
const FORM = "application/x-www-form-urlencoded";

describe("the address a sign-in is for", () => {
  it("refuses a form with more than one email field (400)", () => {
    const read = () => signInEmailOfBody(form("email=decoy%40x.example&email=victim%40y.example&csrfToken=t"), FORM);
    expect(read).toThrow(HttpError);
    expect(read).toThrow(/more than one `email` field/);
  });

  it("reads one field, normalised as Auth.js mails it", () => {
    expect(signInEmailOfBody(form("email=%20Victim%40Y.Example%20&csrfToken=t"), FORM)).toBe("victim@y.example");
    expect(signInEmailOfBody(form('{"email":"A@B.example"}'), "application/json")).toBe("a@b.example");
    expect(signInEmailOfBody(form("csrfToken=t"), FORM)).toBeUndefined();
  });

  it.each([
    "victim@y.example,decoy@x.example", // Auth.js's default would mail victim@y.example but the limit counted the whole string
    '"decoy@x.example"@y.example',
    "a@b@c.example",
    "victim@y.example decoy@x.example",
    "not-an-address",
  ])("refuses %s: Auth.js mails nothing and nothing is counted under another key", (raw) => {
    expect(normalizeSignInEmail(raw)).toBeUndefined();
    expect(() => signInIdentifier(raw)).toThrow();
  });

  it("accepts ordinary addresses, apostrophes and plus tags included", () => {
    expect(normalizeSignInEmail("O'Brien+rentorown@Example.co.uk")).toBe("o'brien+rentorown@example.co.uk");
  });

  it("normalises NFKC first: a full-width ＠ is an @ (one key for one mailbox)", () => {
    expect(normalizeSignInEmail("victim＠y.example")).toBe("victim@y.example");
    expect(signInIdentifier("VICTIM@Y.EXAMPLE")).toBe(normalizeSignInEmail(" victim@y.example "));
  });
});
