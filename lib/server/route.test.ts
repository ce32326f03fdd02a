import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conflict } from "./http-errors";
import { route } from "./route";

const schema = z.object({ name: z.string().min(1), count: z.number().int().nonnegative() });
const echo = route({ body: schema, bodyLimitBytes: 1024 }, ({ body }) => Response.json({ got: body }));

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  echo(new Request("http://test/api", { method: "POST", body, headers }));

describe("route wrapper", () => {
  it("passes a valid body to the handler", async () => {
    const res = await post(JSON.stringify({ name: "a", count: 2 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { name: "a", count: 2 } });
  });

  it.each([
    ["malformed JSON", "{nope", 400, "invalid_json"],
    ["empty body", "", 400, "invalid_json"],
    ["schema violation", JSON.stringify({ name: "", count: -1 }), 400, "invalid_input"],
    ["body over the limit", JSON.stringify({ name: "x".repeat(2000), count: 1 }), 413, "payload_too_large"],
  ])("%s → %i %s", async (_label, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toBe(code);
  });

  it("reports zod issues with dotted paths", async () => {
    const res = await post(JSON.stringify({ name: "ok", count: "three" }));
    const json = await res.json();
    expect(json.issues).toEqual([expect.objectContaining({ path: "count" })]);
  });

  it("maps HttpErrors to their status and unexpected errors to a 500 without internals", async () => {
    const conflicting = route({}, () => {
      throw conflict("stale");
    });
    expect((await conflicting(new Request("http://test"))).status).toBe(409);
    const crashing = route({}, () => {
      throw new Error("secret internals");
    });
    const res = await crashing(new Request("http://test"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
  });
});
