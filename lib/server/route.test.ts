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

describe("route wrapper: params, query and thrown errors (#15.1)", () => {
  const ids = route(
    {
      params: z.object({ id: z.string().min(3) }),
      query: z.object({ sort: z.enum(["name", "updated"]).default("updated") }),
    },
    ({ params, query }) => Response.json({ id: params.id, sort: query.sort }),
  );
  const call = (url: string, id: string) => ids(new Request(url), { params: Promise.resolve({ id }) });

  it("hands the handler parsed params and query with their defaults", async () => {
    expect(await (await call("http://test/x", "abc")).json()).toEqual({ id: "abc", sort: "updated" });
    expect(await (await call("http://test/x?sort=name", "abc")).json()).toEqual({ id: "abc", sort: "name" });
  });

  it("answers 400 invalid_input with prefixed paths for bad params or query", async () => {
    const badParam = await call("http://test/x", "a");
    expect(badParam.status).toBe(400);
    expect((await badParam.json()).issues).toEqual([expect.objectContaining({ path: "params.id" })]);
    const badQuery = await call("http://test/x?sort=size", "abc");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).issues).toEqual([expect.objectContaining({ path: "query.sort" })]);
  });

  it("turns a ZodError thrown inside a handler into 400 invalid_input, not 500", async () => {
    const parsesLate = route({}, () => {
      z.object({ n: z.number() }).parse({ n: "one" });
      return new Response("unreachable");
    });
    const res = await parsesLate(new Request("http://test"));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_input", issues: [{ path: "n" }] });
  });

  it("answers 503 service_unavailable with Retry-After when the database cannot be reached", async () => {
    const down = route({}, () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      });
    });
    const res = await down(new Request("http://test"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect((await res.json()).error).toBe("service_unavailable");
    const slow = route({}, () => {
      throw Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    });
    expect((await slow(new Request("http://test"))).status).toBe(503);
  });

  it("takes every status from the one code table", async () => {
    const { HttpError, STATUS_OF } = await import("./http-errors");
    for (const [code, status] of Object.entries(STATUS_OF)) {
      const r = route({}, () => {
        throw new HttpError(code as keyof typeof STATUS_OF, "x");
      });
      const res = await r(new Request("http://test"));
      expect([code, res.status]).toEqual([code, status]);
      expect((await res.json()).error).toBe(code);
    }
  });

  it("sends a request id on every answer, keeping a sane one the caller sent", async () => {
    const ok = route({}, () => new Response("ok"));
    expect((await ok(new Request("http://test"))).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const given = await ok(new Request("http://test", { headers: { "x-request-id": "proxy-abc-12345" } }));
    expect(given.headers.get("x-request-id")).toBe("proxy-abc-12345");
    const hostile = await ok(new Request("http://test", { headers: { "x-request-id": "bad id <script>" } }));
    expect(hostile.headers.get("x-request-id")).not.toContain("bad");
  });
});

describe("route wrapper: cross-site request forgery guards (finding 7 of #14)", () => {
  const create = route({ body: z.object({ name: z.string() }) }, ({ body }) =>
    Response.json({ created: body.name }, { status: 201 }),
  );
  const send = (headers: Record<string, string>, body = JSON.stringify({ name: "p" })) =>
    create(new Request("http://test/api/projects", { method: "POST", body, headers }));

  it("refuses a text/plain body with 415 (a cross-site form or simple fetch can send one)", async () => {
    const res = await send({ "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toBe("unsupported_media_type");
    expect((await send({})).status).toBe(415);
  });

  it("refuses another origin, and same-site but cross-origin fetches, with 403", async () => {
    expect((await send({ "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    expect(
      (await send({ "content-type": "application/json", "sec-fetch-site": "same-site", origin: "http://sub.test" }))
        .status,
    ).toBe(403);
    expect((await send({ "content-type": "text/plain", "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("accepts same-origin browsers and non-browser callers", async () => {
    expect(
      (await send({ "content-type": "application/json", origin: "http://test", "sec-fetch-site": "same-origin" }))
        .status,
    ).toBe(201);
    expect((await send({ "content-type": "application/json; charset=utf-8" })).status).toBe(201);
  });

  it("lets a public, cookie-less API be called from other sites", async () => {
    const open = route({ body: z.object({}), crossOrigin: true, limits: "none" }, () => new Response("ok"));
    const res = await open(
      new Request("http://test", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", origin: "https://partner.example" },
      }),
    );
    expect(res.status).toBe(200);
  });
});
