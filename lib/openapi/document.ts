import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { assessmentInputSchema, OPTIONS, portfolioInputSchema } from "@/lib/engine";
import { STATUS_OF } from "@/lib/server/http-errors";
import { shapeQuerySchema } from "@/lib/server/response-shape";

// The OpenAPI 3.1 document of the public API (/api/v1/*), generated from the same zod schemas the
// routes validate with. lib/openapi/document.test.ts fails when a route accepts something the document
// does not say (or the other way round), and when a route's answer does not match its documented shape.
// Response schemas are "loose": they name the contract's fields (docs/assessment-api-v1.md) and allow
// additions, as the contract does.

export const ERROR_CODES = Object.keys(STATUS_OF) as [keyof typeof STATUS_OF, ...Array<keyof typeof STATUS_OF>];

export const errorResponseSchema = z
  .object({
    error: z.enum(ERROR_CODES).describe("machine-readable code; the HTTP status follows from it"),
    message: z.string().describe("a sentence for people"),
    issues: z
      .array(
        z.object({ path: z.string().describe("dotted input path, e.g. volume.requestsPerDay"), message: z.string() }),
      )
      .optional()
      .describe("with invalid_input: what did not match the schema"),
  })
  .meta({ id: "Error" });

const optionSchema = z.enum(OPTIONS);
const textItem = z.looseObject({ text: z.string() });

const optionCostSchema = z.looseObject({
  monthlyUsd: z.array(z.number()).describe("one per month of the horizon"),
  tcoUsd: z.number().describe("sum over the horizon, setup included"),
  setupUsd: z.number(),
  perMillionTokensUsd: z.number().nullable().describe("null when the option costs money but serves no tokens"),
  breakdown: z.record(z.string(), z.unknown()).describe("monthly USD per cost item"),
});

const breakEvenPointSchema = z.looseObject({ tokensPerDay: z.number().nullable(), month: z.number().nullable() });

export const evaluationSchema = z
  .looseObject({
    recommendation: optionSchema,
    confidence: z.number().min(0).max(1),
    ranking: z
      .array(
        z.looseObject({ option: optionSchema, score: z.number(), excluded: z.boolean(), reasons: z.array(z.string()) }),
      )
      .describe("all four options, best first"),
    reasons: z.array(z.looseObject({ factor: z.string(), favours: z.string(), weight: z.number(), text: z.string() })),
    conflicts: z.array(textItem).describe("requirement pairs that cannot all be met"),
    costs: z.looseObject(
      Object.fromEntries(OPTIONS.map((o) => [o, optionCostSchema])) as Record<
        (typeof OPTIONS)[number],
        typeof optionCostSchema
      >,
    ),
    costPremiumUsd: z.number().describe("v1.1: the verdict's TCO minus the cheapest usable option's"),
    whatWouldChange: z
      .array(
        z.looseObject({
          assumption: z.string(),
          from: z.number(),
          to: z.number(),
          becomes: optionSchema,
          text: z.string(),
        }),
      )
      .describe("v1.1"),
    breakEven: z.looseObject({ api: breakEvenPointSchema, "hosted-open": breakEvenPointSchema }),
    sensitivity: z.array(z.looseObject({ assumption: z.string(), low: z.number(), high: z.number() })),
    comparison: z
      .looseObject({
        apiModel: z.string(),
        hostedModel: z.string(),
        openModel: z.string(),
        gpu: z.string(),
        gpuSource: z.string(),
      })
      .describe("v1.1"),
    catalogVersion: z.string().describe("the price/throughput data used, with its as-of date"),
  })
  .meta({
    id: "Evaluation",
    description:
      "The verdict with its reasons, conflicts, costs of every option and break-even (docs/assessment-api-v1.md, Output).",
  });

export const portfolioEvaluationSchema = z
  .looseObject({
    workloads: z
      .array(z.looseObject({ id: z.string(), placement: optionSchema, standalone: evaluationSchema }))
      .describe("one per input workload, same order"),
    plan: z.looseObject({
      tcoUsd: z.number(),
      monthlyUsd: z.array(z.number()),
      breakdown: z.record(z.string(), z.unknown()),
    }),
    alternatives: z
      .record(z.string(), z.looseObject({ tcoUsd: z.number(), feasible: z.boolean() }))
      .describe('at least "all-api", "all-hosted-open", "all-self-hosted" and "each-alone"'),
    costPremiumUsd: z.number(),
    reasons: z.array(textItem),
    conflicts: z.array(textItem),
    catalogVersion: z.string(),
  })
  .meta({
    id: "PortfolioEvaluation",
    description: "One deployment plan for several workloads (docs/assessment-api-v1.md, v1.1 Portfolio).",
  });

const errorContent = { "application/json": { schema: errorResponseSchema } };
const retryAfter = {
  "Retry-After": { description: "seconds to wait", schema: { type: "integer" as const, minimum: 1 } },
};

/** The refusals every public engine route may answer with (route.ts order: limits → content type → size → zod). */
const engineErrors: ZodOpenApiResponsesObject = {
  "400": { description: "invalid_json or invalid_input (with zod issues)", content: errorContent },
  "401": {
    description: "unauthorized: an API key was sent but is unknown or revoked (omit it to call anonymously)",
    content: errorContent,
  },
  "413": { description: "payload_too_large: the body exceeds 64 kB", content: errorContent },
  "415": { description: "unsupported_media_type: send Content-Type: application/json", content: errorContent },
  "429": {
    description: "too_many_requests: over the per-IP limit (anonymous) or the key's limit",
    headers: retryAfter,
    content: errorContent,
  },
  "503": { description: "service_unavailable", headers: retryAfter, content: errorContent },
};

function engineOperation(op: {
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  body: z.ZodType;
  example: unknown;
  result: z.ZodType;
}): ZodOpenApiOperationObject {
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    // v1.2 response shaping (?include=, ?precision=), the same zod schema the routes parse the query with.
    requestParams: { query: shapeQuerySchema },
    // Anonymous calls are allowed (at the per-IP limit); a key raises the limit to the key's own.
    security: [{}, { apiKeyBearer: [] }, { apiKeyHeader: [] }],
    requestBody: { required: true, content: { "application/json": { schema: op.body, example: op.example } } },
    responses: {
      "200": { description: "the result", content: { "application/json": { schema: op.result } } },
      ...engineErrors,
    },
  };
}

/** A minimal contract-only assessment (groups with defaults omitted). */
export const EVALUATE_EXAMPLE = {
  volume: { requestsPerDay: 20_000, inputTokensPerRequest: 1_200, outputTokensPerRequest: 300 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 2_000 },
  capability: { frontier: "helpful" },
};

export const PORTFOLIO_EXAMPLE = {
  workloads: [
    {
      id: "assistant",
      name: "Support assistant",
      ...pick(EVALUATE_EXAMPLE, ["volume", "data", "latency", "capability"]),
    },
    {
      id: "documents",
      name: "Document pipeline",
      volume: { requestsPerDay: 200_000, inputTokensPerRequest: 3_000, outputTokensPerRequest: 400, batchShare: 1 },
      data: { sensitivity: "confidential" },
      latency: { p95TargetMs: 60_000, measure: "full-response" },
      capability: { frontier: "unnecessary" },
    },
  ],
  team: { mlOpsMaturity: "basic" },
};

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "RentOrOwn public API",
      version: "1.1.0",
      description:
        "The decision engine over HTTP: rent a proprietary LLM API, call open weights at a hosted provider, self-host, or go hybrid. " +
        "Pure computation: no cookies, callable from other sites (CORS-free JSON POST). Names and units are fixed by the contract " +
        "(docs/assessment-api-v1.md); additions are marked by version. Every figure comes from the versioned catalog (catalogVersion) " +
        "and can be overridden in assumptions.",
    },
    servers: [{ url: "/", description: "this deployment" }],
    components: {
      securitySchemes: {
        apiKeyBearer: {
          type: "http",
          scheme: "bearer",
          description: "An API key (roo_…) created on the account page, as Authorization: Bearer roo_…",
        },
        apiKeyHeader: {
          type: "apiKey",
          in: "header",
          name: "X-API-Key",
          description: "The same key in an X-API-Key header",
        },
      },
    },
    tags: [
      { name: "engine", description: "Evaluate one workload or a portfolio" },
      { name: "schemas", description: "Machine-readable descriptions of the API" },
    ],
    paths: {
      "/api/v1/evaluate": {
        post: engineOperation({
          operationId: "evaluate",
          summary: "Evaluate one workload",
          description:
            "The verdict (api, hosted-open, self-hosted or hybrid) with its reasons, conflicts, the TCO of every option and break-even.",
          tag: "engine",
          body: assessmentInputSchema,
          example: EVALUATE_EXAMPLE,
          result: evaluationSchema,
        }),
      },
      "/api/v1/portfolio": {
        post: engineOperation({
          operationId: "evaluatePortfolio",
          summary: "Plan several workloads together",
          description:
            "1–20 workloads with unique ids; workloads on own GPUs share one fleet and one team. Issue paths are exact (workloads.0.volume.requestsPerDay).",
          tag: "engine",
          body: portfolioInputSchema,
          example: PORTFOLIO_EXAMPLE,
          result: portfolioEvaluationSchema,
        }),
      },
      "/api/v1/schema": {
        get: {
          operationId: "inputJsonSchema",
          summary: "JSON Schema of the assessment input",
          tags: ["schemas"],
          responses: {
            "200": {
              description: "a JSON Schema (draft 2020-12) document",
              content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
            },
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApiDocument",
          summary: "This document",
          tags: ["schemas"],
          responses: {
            "200": {
              description: "OpenAPI 3.1",
              content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
            },
          },
        },
      },
    },
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
