import "server-only";
import { z } from "zod";
import type { SessionUser } from "./auth";
import { clientIp } from "./client-ip";
import { isDatabaseUnavailable } from "./db";
import { errorResponse, HttpError, invalidInput, serviceUnavailable } from "./http-errors";
import { loggablePath, logger, requestIdFrom, runWithRequest, type RequestContext } from "./log";
import { checkLimits, type LimitName } from "./rate-limit";
import { assertJsonContentType, assertSameOrigin, isStateChanging } from "./request-guards";

// The one wrapper every JSON route handler goes through, and the only place that parses what a
// request carries: path params, query string and body are each validated with zod. In order:
// request id → same-origin check for state-changing methods → auth → rate limits → JSON
// content type (415) → size-limited body (413) → zod (400) → handler. Errors have one shape and
// their status comes from the code (http-errors.ts): an HttpError keeps its code, a ZodError
// thrown inside a handler is 400 invalid_input, an unreachable or slow database is 503
// service_unavailable (never 401 or 500), and anything else is a logged 500 with no internals.

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

type RawParams = Record<string, string | string[] | undefined>;
type Ctx = { params: Promise<RawParams> };
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteContext<TBody, TParams, TQuery, TAuth extends boolean = false> = {
  req: Request;
  body: TBody;
  params: TParams;
  query: TQuery;
  user: TAuth extends true ? SessionUser : null;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
};

/** Which rate limits a route counts against (see rate-limit.ts). */
export type LimitClass = "api" | "write" | "pdf" | "none";

type Options<TBody, TParams, TQuery, TAuth extends boolean> = {
  body?: TBody;
  params?: TParams;
  query?: TQuery;
  bodyLimitBytes?: number;
  /** Require a signed-in user (401 otherwise); the handler gets `user`. */
  auth?: TAuth;
  /** Default: "write" for POST/PUT/PATCH/DELETE, "none" for reads. */
  limits?: LimitClass;
  /** A public, cookie-less API other sites may call (skips the same-origin check). */
  crossOrigin?: boolean;
};

const LIMIT_KEYS: Record<Exclude<LimitClass, "none">, { ip: LimitName; user?: LimitName }> = {
  api: { ip: "apiIp" },
  write: { ip: "writeIp", user: "writeUser" },
  pdf: { ip: "pdfIp", user: "pdfUser" },
};

/** What a route accepts, as declared to `route()`. */
export type RouteContract = {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  auth: boolean;
  limits?: LimitClass;
};

export function route<
  TBody extends z.ZodType | undefined = undefined,
  TParams extends z.ZodType | undefined = undefined,
  TQuery extends z.ZodType | undefined = undefined,
  TAuth extends boolean = false,
>(
  options: Options<TBody, TParams, TQuery, TAuth>,
  handler: (ctx: RouteContext<Out<TBody>, Out<TParams>, Out<TQuery>, TAuth>) => Promise<Response> | Response,
) {
  const routeHandler = async (req: Request, ctx?: Ctx): Promise<Response> => {
    const started = performance.now();
    const reqCtx: RequestContext = { reqId: requestIdFrom(req.headers) };
    return runWithRequest(reqCtx, async () => {
      let res: Response;
      try {
        res = await handle(req, ctx, reqCtx);
      } catch (error) {
        res = toErrorResponse(error);
      }
      res.headers.set("x-request-id", reqCtx.reqId);
      const ms = Math.round(performance.now() - started);
      const line = { method: req.method, path: loggablePath(req.url), status: res.status, ms };
      // 503 is an expected, bounded refusal (busy PDF queue, database away: logged where it arises).
      if (res.status >= 500 && res.status !== 503) logger().warn(line, "request failed");
      else logger().info(line, "request");
      return res;
    });
  };
  // The schemas the handler validates with, readable from outside so the OpenAPI document can be
  // checked against what the route really accepts (lib/openapi/document.test.ts).
  const contract: RouteContract = {
    body: options.body,
    query: options.query,
    params: options.params,
    auth: options.auth ?? false,
    limits: options.limits,
  };
  return Object.assign(routeHandler, { contract });

  async function handle(req: Request, ctx: Ctx | undefined, reqCtx: RequestContext): Promise<Response> {
    const writes = isStateChanging(req.method);
    if (writes && !options.crossOrigin) assertSameOrigin(req);
    // Authenticate before reading the body: anonymous callers learn nothing about the route.
    const user = options.auth ? await (await import("./auth")).requireUser(req) : null;
    if (user) reqCtx.userId = user.id;
    const limitClass = options.limits ?? (writes ? "write" : "none");
    if (limitClass === "api" && (req.headers.has("authorization") || req.headers.has("x-api-key"))) {
      // The public API with a key: the key's own budget instead of the IP's (401 if it is not live).
      const { apiKeyFrom, authenticateApiKey } = await import("./api-keys");
      const presented = apiKeyFrom(req.headers);
      if (presented) {
        const key = await authenticateApiKey(presented);
        await checkLimits([["apiKey", key.id]]);
      } else await checkLimits([["apiIp", clientIp(req.headers)]]);
    } else if (limitClass !== "none") {
      const keys = LIMIT_KEYS[limitClass];
      await checkLimits([
        [keys.ip, clientIp(req.headers)],
        ...(keys.user && user ? ([[keys.user, user.id]] as Array<[LimitName, string]>) : []),
      ]);
    }
    const params = options.params
      ? parseWith(options.params, ctx ? await ctx.params : {}, "params")
      : ctx
        ? await ctx.params
        : {};
    const query = options.query
      ? parseWith(options.query, Object.fromEntries(new URL(req.url).searchParams), "query")
      : undefined;
    let body: unknown = undefined;
    if (options.body) {
      assertJsonContentType(req);
      body = parseWith(options.body, await readJson(req, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES));
    }
    return await handler({
      req,
      body: body as never,
      params: params as never,
      query: query as never,
      user: user as never,
      signal: req.signal,
    });
  }
}

function parseWith(schema: z.ZodType, value: unknown, prefix?: string): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, prefix);
  return parsed.data;
}

/** Maps anything a handler throws to the one error response (exported for the Auth.js route). */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof HttpError) return errorResponse(error);
  if (error instanceof z.ZodError) return errorResponse(invalidInput(error));
  if (isDatabaseUnavailable(error)) {
    logger().warn({ error: errorSummary(error) }, "database unavailable");
    return errorResponse(serviceUnavailable("The database is unavailable; try again shortly."));
  }
  logger().error({ error: errorSummary(error) }, "unexpected error");
  return errorResponse(new HttpError("internal_error", "Something went wrong on our side."));
}

function errorSummary(error: unknown) {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack?.split("\n").slice(0, 6).join("\n") };
  return { message: String(error) };
}

/** Reads at most `limit` bytes of the body (413 over the limit). */
export async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const reader = req.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads at most `limit` bytes of the body and parses it as JSON (413 over the limit, 400 when malformed). */
export async function readJson(req: Request, limit: number): Promise<unknown> {
  const text = new TextDecoder().decode(await readBody(req, limit));
  if (!text.trim()) throw new HttpError("invalid_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError("invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(limit: number) {
  return new HttpError("payload_too_large", `The request body exceeds ${Math.round(limit / 1024)} kB.`);
}

/** `[id]` path segments (cuid ids; anything else is a 400, not a query). */
export const idParams = z.object({ id: z.string().min(1).max(100) });
export const revisionParams = idParams.extend({ number: z.coerce.number().int().positive().max(1_000_000) });
