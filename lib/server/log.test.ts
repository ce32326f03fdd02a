import { describe, expect, it } from "vitest";
import { loggablePath, maskEmail, requestIdFrom, requestContext, runWithRequest } from "./log";

// Logs carry a request id and never a token or a full e-mail address (#14).

describe("log helpers", () => {
  it("masks e-mail addresses", () => {
    expect(maskEmail("anna.svensson@example.com")).toBe("an***@example.com");
    expect(maskEmail("not-an-address")).toBe("***");
  });

  it("drops query strings (magic-link tokens) and share tokens from logged paths", () => {
    expect(loggablePath("http://x/api/auth/callback/nodemailer?token=secret&email=a%40b.c")).toBe(
      "/api/auth/callback/nodemailer",
    );
    expect(loggablePath("http://x/s/AbCdEfGhIjKlMnOpQrStUvWxYz012345/pdf")).toBe("/s/[token]/pdf");
  });

  it("keeps a proxy's sane X-Request-Id and replaces anything else", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "nginx-4f1c2a9b" }))).toBe("nginx-4f1c2a9b");
    expect(requestIdFrom(new Headers({ "x-request-id": "x" }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("makes the request id available to everything the request runs", async () => {
    const seen = await runWithRequest({ reqId: "req-12345678" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return requestContext()?.reqId;
    });
    expect(seen).toBe("req-12345678");
    expect(requestContext()).toBeUndefined();
  });
});
