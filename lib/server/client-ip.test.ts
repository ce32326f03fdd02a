import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

// Issue #25: TRUSTED_PROXY_HOPS=0 ("no proxy: the socket address") was forced to 1, so a directly
// exposed instance took a client's own X-Forwarded-For as its address (per-IP limits dodged by
// sending a new one each time).

afterEach(() => vi.unstubAllEnvs());

async function load(hops: string) {
  vi.stubEnv("TRUSTED_PROXY_HOPS", hops);
  vi.resetModules();
  return import("./client-ip");
}

/** What a handler behind http.Server sees as the client, for a request that sends `xff`. */
async function seenBy(clientIp: (h: Headers) => string, xff: string): Promise<string> {
  const server = http.createServer((req, res) =>
    res.end(clientIp(new Headers({ "x-forwarded-for": String(req.headers["x-forwarded-for"] ?? "") }))),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      headers: { "x-forwarded-for": xff },
    });
    return await res.text();
  } finally {
    server.close();
  }
}

describe("the client's address", () => {
  it("behind one proxy (default): the entry the proxy appended, not what the client wrote", async () => {
    const { clientIp } = await load("1");
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("TRUSTED_PROXY_HOPS=0: the socket's address, whatever X-Forwarded-For the client sends", async () => {
    const { clientIp, installSocketAddressAsClient } = await load("0");
    installSocketAddressAsClient();
    for (const spoofed of ["203.0.113.9", "6.6.6.6, 203.0.113.9", ""])
      expect(await seenBy(clientIp, spoofed)).toBe("127.0.0.1");
  });
});
