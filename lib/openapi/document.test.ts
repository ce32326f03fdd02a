import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import type { z } from "zod";
import type { RouteContract } from "@/lib/server/route";
import {
  buildOpenApiDocument,
  errorResponseSchema,
  EVALUATE_EXAMPLE,
  evaluationSchema,
  PORTFOLIO_EXAMPLE,
  portfolioEvaluationSchema,
} from "./document";

// The document against the routes themselves: every route under app/api/v1 is documented with the
// methods it exports, each documented request body and query/path parameter is exactly what the
// route's zod schema (route() `contract`) renders to, the examples are accepted and the answers match
// the documented response shapes. Changing a route's schema without the document fails here.

const V1 = path.resolve(__dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = ((req: Request, ctx?: unknown) => Promise<Response>) & { contract?: RouteContract };

function routeFiles(dir: string, prefix = "/api/v1"): Array<{ apiPath: string; file: string }> {
  const out: Array<{ apiPath: string; file: string }> = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...routeFiles(full, `${prefix}/${name.replace(/^\[(.+)\]$/, "{$1}")}`));
    else if (name === "route.ts") out.push({ apiPath: prefix, file: full });
  }
  return out;
}

async function loadRoutes() {
  const routes: Array<{ apiPath: string; method: (typeof METHODS)[number]; handler: Handler }> = [];
  for (const { apiPath, file } of routeFiles(V1)) {
    const mod = (await import(/* @vite-ignore */ file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    for (const method of METHODS)
      if (typeof mod[method] === "function") routes.push({ apiPath, method, handler: mod[method] });
  }
  return routes;
}

const doc = buildOpenApiDocument();
const operation = (apiPath: string, method: string) =>
  (
    doc.paths?.[apiPath] as
      | Record<
          string,
          ZodOpenApiOperationObject & {
            parameters?: unknown[];
            requestBody?: { content: Record<string, { schema: unknown }> };
          }
        >
      | undefined
  )?.[method.toLowerCase()];

/** What the document would say for a route with exactly this contract (same generator, same options). */
function expectedFor(contract: RouteContract) {
  const generated = createDocument({
    openapi: "3.1.0",
    info: { title: "expected", version: "0" },
    paths: {
      "/x": {
        post: {
          requestParams: {
            ...(contract.query ? { query: contract.query as z.ZodObject } : {}),
            ...(contract.params ? { path: contract.params as z.ZodObject } : {}),
          },
          ...(contract.body ? { requestBody: { content: { "application/json": { schema: contract.body } } } } : {}),
          responses: {},
        },
      },
    },
  });
  const op = generated.paths!["/x"]!.post! as {
    parameters?: unknown[];
    requestBody?: { content: Record<string, { schema: unknown }> };
  };
  return { parameters: op.parameters ?? [], body: op.requestBody?.content["application/json"]?.schema };
}

const post = (handler: Handler, apiPath: string, body: unknown) =>
  handler(
    new Request(`http://test${apiPath}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );

describe("OpenAPI document vs the /api/v1 routes", () => {
  it("is OpenAPI 3.1 and documents exactly the routes and methods that exist", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const routes = await loadRoutes();
    const existing = routes.map((r) => `${r.method} ${r.apiPath}`).sort();
    const documented = Object.entries(doc.paths ?? {})
      .flatMap(([p, item]) =>
        Object.keys(item as object)
          .filter((m) => METHODS.includes(m.toUpperCase() as never))
          .map((m) => `${m.toUpperCase()} ${p}`),
      )
      .sort();
    expect(documented).toEqual(existing);
    expect(existing).toContain("POST /api/v1/evaluate");
    expect(existing).toContain("GET /api/v1/openapi.json");
  });

  it("documents each route's request body and parameters exactly as its zod schemas render", async () => {
    for (const { apiPath, method, handler } of await loadRoutes()) {
      const op = operation(apiPath, method)!;
      const contract = handler.contract ?? { auth: false };
      const expected = expectedFor(contract);
      const label = `${method} ${apiPath}`;
      expect(op.requestBody?.content["application/json"]?.schema, `${label} request body`).toEqual(expected.body);
      expect(op.parameters ?? [], `${label} parameters`).toEqual(expected.parameters);
    }
  });

  it("resolves every $ref to a component", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const id of refs) expect(doc.components?.schemas, id).toHaveProperty([id!]);
  });

  it("has examples the routes accept, answered in the documented shapes", async () => {
    const routes = await loadRoutes();
    const handler = (p: string) => routes.find((r) => r.apiPath === p && r.method === "POST")!.handler;
    const evaluateRes = await post(handler("/api/v1/evaluate"), "/api/v1/evaluate", EVALUATE_EXAMPLE);
    expect(evaluateRes.status).toBe(200);
    evaluationSchema.parse(await evaluateRes.json());

    const portfolioRes = await post(handler("/api/v1/portfolio"), "/api/v1/portfolio", PORTFOLIO_EXAMPLE);
    expect(portfolioRes.status).toBe(200);
    const plan = portfolioEvaluationSchema.parse(await portfolioRes.json());
    expect(plan.workloads.map((w) => w.id)).toEqual(["assistant", "documents"]);

    const bad = await post(handler("/api/v1/evaluate"), "/api/v1/evaluate", {
      ...EVALUATE_EXAMPLE,
      volume: { requestsPerDay: -1 },
    });
    expect(bad.status).toBe(400);
    expect(errorResponseSchema.parse(await bad.json()).issues?.length).toBeGreaterThan(0);
  });

  it("serves the document at /api/v1/openapi.json", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
