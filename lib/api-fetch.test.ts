import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch, apiRequest } from "./api-fetch";

// The browser's one API client: what the server says on failure reaches the user.
const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(
      async () =>
        new Response(body === undefined ? null : JSON.stringify(body), {
          status,
          headers: { "content-type": "application/json", ...headers },
        }),
    ),
  );

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("sends JSON with its content type and returns the parsed body", async () => {
    respond(200, { project: { id: "p1" } });
    await expect(apiFetch("/api/projects", { method: "POST", body: { name: "x" } })).resolves.toEqual({
      project: { id: "p1" },
    });
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe("/api/projects");
    expect(init).toMatchObject({
      method: "POST",
      body: '{"name":"x"}',
      headers: { "content-type": "application/json" },
    });
  });

  it("reads a 204 as an empty object", async () => {
    respond(204, undefined);
    await expect(apiFetch("/api/projects/p1", { method: "DELETE" })).resolves.toEqual({});
  });

  it("turns the server's error body into an ApiError with its status, code and message", async () => {
    respond(409, { error: "conflict", message: "Someone saved a newer revision." });
    const e = await apiFetch("/api/x").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: "conflict", message: "Someone saved a newer revision." });
  });

  it("keeps Retry-After of a busy server, and still has a message when the body is not JSON", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>busy</html>", { status: 503, headers: { "retry-after": "7" } })),
    );
    const e = (await apiRequest("/api/report/pdf").catch((x: unknown) => x)) as ApiError;
    expect(e).toMatchObject({ status: 503, code: "error", message: "Request failed (503).", retryAfterSeconds: 7 });
  });

  it("says the server could not be reached when the network fails", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});
