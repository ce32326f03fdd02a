import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "./safe-redirect";

// Finding 4 of #14: `/signin?callbackUrl=/%5C<host>/phish` (and %09) redirected off-site, and a
// CRLF in callbackUrl gave a 500. Every hostile value falls back to a path on this site.

describe("safeRedirectPath", () => {
  it.each([
    ["/projects", "/projects"],
    ["/projects/abc?tab=share#links", "/projects/abc?tab=share#links"],
    ["/assess/result?a=xyz", "/assess/result?a=xyz"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it.each([
    ["backslash after the slash", "/\\evil.example/phish"],
    ["encoded backslash", "/%5Cevil.example/phish"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["tab", "/\tevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["CRLF", "/projects\r\nSet-Cookie: x=1"],
    ["encoded CRLF", "/projects%0D%0ALocation:%20https://evil.example"],
    ["absolute URL", "https://evil.example/steal"],
    ["protocol-relative", "//evil.example/steal"],
    ["javascript:", "javascript:alert(1)"],
    ["relative without slash", "evil.example"],
    ["malformed escape", "/%E0%A4%A"],
    ["empty", ""],
    ["not a string", 42],
    ["over-long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, value) => {
    expect(safeRedirectPath(value)).toBe("/projects");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirectPath("//evil.example", "/")).toBe("/");
  });
});

describe("safeRedirectUrl (Auth.js redirect callback)", () => {
  const origin = "https://rentorown.example.com";
  it("keeps absolute URLs on the site's origin and relative paths", () => {
    expect(safeRedirectUrl(`${origin}/projects/1`, origin)).toBe(`${origin}/projects/1`);
    expect(safeRedirectUrl("/assess", origin)).toBe(`${origin}/assess`);
    expect(safeRedirectUrl(origin, origin)).toBe(`${origin}/`);
  });
  it.each([
    "https://evil.example/",
    "https://rentorown.example.com.evil.example/x",
    "//evil.example",
    "/\\evil.example",
    `${origin}/%5C%5Cevil.example`,
  ])("sends %s home instead", (value) => {
    expect(safeRedirectUrl(value, origin)).toBe(`${origin}/projects`);
  });
});
