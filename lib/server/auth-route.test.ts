import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { route } from "./route";

// The route wrapper's `auth: true`: fail closed with 401 before the body is even read, and hand
// the handler the signed-in user (the only source of an owner id for project queries).

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("./auth", async () => {
  const { unauthorized } = await import("./http-errors");
  return {
    requireUser: async () => {
      if (!session.user) throw unauthorized();
      return session.user;
    },
  };
});

const handler = vi.fn(({ user, body }: { user: { id: string }; body: { name: string } }) =>
  Response.json({ owner: user.id, name: body.name }),
);
const guarded = route({ auth: true, body: z.object({ name: z.string() }) }, handler);
const post = (body: string) =>
  guarded(new Request("http://test/api", { method: "POST", body, headers: { "content-type": "application/json" } }));

describe("route({ auth: true })", () => {
  it("answers 401 to a caller without a session, before reading or validating the body", async () => {
    session.user = null;
    for (const body of ['{"name":"x"}', "{not json", "x".repeat(100_000)]) {
      const res = await post(body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "unauthorized", message: "Sign in to continue." });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes the signed-in user to the handler", async () => {
    session.user = { id: "user-1", email: "a@example.com" };
    const res = await post('{"name":"x"}');
    expect(await res.json()).toEqual({ owner: "user-1", name: "x" });
  });

  it("still validates the body for signed-in callers", async () => {
    session.user = { id: "user-1", email: "a@example.com" };
    expect((await post("{}")).status).toBe(400);
  });
});
